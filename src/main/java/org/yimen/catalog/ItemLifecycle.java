package org.yimen.catalog;

import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem.Status;
import org.yimen.shared.Rejected;

/**
 * A service item's life (事项的版本): a draft is written, published (superseding the version in force, which stays
 * readable for the cases accepted under it), revised as a new draft, and finally retired (停办). Published versions are
 * never edited: editing an item in force opens the next version as a draft. Illegal steps are refused naming the state
 * the item is in.
 *
 * @param latestVersion the newest version's number
 * @param latestStatus the newest version's status
 * @param inForce the version in force now, if any
 */
record ItemLifecycle(String code, int latestVersion, Status latestStatus, @Nullable Integer inForce) {

    /** What publishing does: this version comes into force and the one in force before (if any) is superseded. */
    record Publication(int version, @Nullable Integer superseded) {
    }

    /** A new item starts as draft version 1. */
    static ItemLifecycle drafted(String code) {
        return new ItemLifecycle(code, 1, Status.DRAFT, null);
    }

    /** The version an edit writes to: the open draft, or a new draft after the newest version. */
    int draftVersion() {
        return latestStatus == Status.DRAFT ? latestVersion : latestVersion + 1;
    }

    /** Whether an edit opens a new version rather than changing the open draft. */
    boolean editOpensNewVersion() {
        return latestStatus != Status.DRAFT;
    }

    /** The open draft comes into force. Refused when there is no draft, naming what the newest version is. */
    Publication publish() {
        if (latestStatus != Status.DRAFT) {
            throw Rejected.conflict(null, "catalog.item.publishRefused." + latestStatus, code, latestVersion);
        }
        return new Publication(latestVersion, inForce);
    }

    /** The version in force is withdrawn (停办). Refused when none is in force, naming the item's state. */
    int retire() {
        if (inForce == null) {
            throw Rejected.conflict(null, "catalog.item.retireRefused." + latestStatus, code, latestVersion);
        }
        return inForce;
    }
}
