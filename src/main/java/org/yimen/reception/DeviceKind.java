package org.yimen.reception;

/** What a device in the hall is for; its token opens only that kind's pages. */
enum DeviceKind {
    /** 取号机: citizens take tickets. */
    KIOSK,
    /** 大厅综合屏: the hall board with the latest calls and waiting counts. */
    HALL_DISPLAY,
    /** 窗口屏: one window's current number and officer on duty. */
    WINDOW_DISPLAY
}
