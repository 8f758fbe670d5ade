package org.yimen.catalog;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yimen.catalog.ServiceItem.Status;

/**
 * The whole catalog as one JSON file, for export and import: per item its version in force (PUBLISHED), its open draft
 * (DRAFT) or, for a withdrawn item, its last version (RETIRED). Departments are named by code.
 */
record CatalogFile(@Nullable String format, @Nullable Instant exportedAt, @Nullable List<@Nullable Entry> items) {

    static final String FORMAT = "yimen-catalog/1";

    /** One item in one status. */
    record Entry(@Nullable Status status, @Nullable GuideDraft guide) {
    }
}
