package org.yimen.reception;

import org.jspecify.annotations.Nullable;

/** A device signed in with its token: bound to a hall, and a window display or evaluation pad to its window. */
record Device(long id, DeviceKind kind, long hallId, @Nullable Long windowId, String name) {

    String role() {
        return "DEVICE_" + kind.name();
    }
}
