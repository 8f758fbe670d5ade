package org.yimen.reception;

/** What a device in the hall is for; its token opens only that kind's pages. */
enum DeviceKind {
    /** 取号机: citizens take tickets. */
    KIOSK,
    /** 大厅综合屏: the hall board with the latest calls and waiting counts. */
    HALL_DISPLAY,
    /** 窗口屏: one window's current number and officer on duty. */
    WINDOW_DISPLAY,
    /** 评价器: one window's pad where the citizen rates the visit just finished (好差评). */
    EVALUATION_PAD;

    /** The page under {@code /devices/} that this kind opens. */
    String page() {
        return switch (this) {
            case KIOSK -> "kiosk";
            case HALL_DISPLAY -> "hall";
            case WINDOW_DISPLAY -> "window";
            case EVALUATION_PAD -> "pad";
        };
    }

    /** A window screen and a pad belong to one window; the others to the whole hall. */
    boolean ofWindow() {
        return this == WINDOW_DISPLAY || this == EVALUATION_PAD;
    }
}
