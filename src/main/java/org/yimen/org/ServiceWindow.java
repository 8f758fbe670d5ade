package org.yimen.org;

import org.jspecify.annotations.Nullable;

/** A numbered window (窗口) of a hall, optionally serving one department. */
public record ServiceWindow(long id, long hallId, int number, String name, @Nullable Long departmentId,
        boolean active) {
}
