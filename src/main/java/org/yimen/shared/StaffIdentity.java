package org.yimen.shared;

/** A signed-in member of staff as any module may see them: their id and the name people know them by. */
public interface StaffIdentity {

    long staffId();

    String displayName();
}
