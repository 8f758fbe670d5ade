package org.yimen.calendar.web;

import org.jspecify.annotations.Nullable;

/** The page form to correct one date; kept as text so any input comes back to the page with a message. */
record DayForm(@Nullable String date, @Nullable String status, @Nullable String name) {

    static DayForm empty() {
        return new DayForm(null, "HOLIDAY", null);
    }
}
