package org.yimen.cases;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A special procedure (特殊程序) that stops the clock (行政许可法 Art. 45): the applicant is told in writing what it is
 * and how long it is expected to take. On resumption the working days after {@code startedOn} up to and including
 * {@code endedOn} are excluded: both due dates move by that many working days.
 */
public record Pause(int number, Procedure procedure, String reason, int expectedDays, LocalDate startedOn,
        LocalDate expectedEnd, @Nullable LocalDate endedOn, @Nullable Integer excludedDays) {

    /** The procedures Art. 45 names as not counted toward the time limit. */
    public enum Procedure {
        /** 听证 */
        HEARING,
        /** 招标 */
        TENDERING,
        /** 拍卖 */
        AUCTION,
        /** 检验 */
        INSPECTION,
        /** 检测 */
        TESTING,
        /** 检疫 */
        QUARANTINE,
        /** 鉴定 */
        APPRAISAL,
        /** 专家评审 */
        EXPERT_REVIEW
    }

    public boolean running() {
        return endedOn == null;
    }

    Pause end(LocalDate today, int excluded) {
        return new Pause(number, procedure, reason, expectedDays, startedOn, expectedEnd, today, excluded);
    }
}
