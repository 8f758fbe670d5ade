package org.yimen.reception;

/** Why a visit was rated low: the reasons a pad offers after 不满意 or 非常不满意. */
enum RatingTag {
    /** 服务态度差 */
    ATTITUDE,
    /** 等候时间长 */
    WAITING,
    /** 办事效率低 */
    EFFICIENCY,
    /** 一次性告知不清 */
    GUIDANCE,
    /** 材料要求多 */
    MATERIALS,
    /** 未办结、多次跑 */
    NOT_DONE,
    /** 其他 */
    OTHER
}
