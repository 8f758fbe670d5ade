package org.yimen.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Read-only look-ups of the service catalog (办事指南) for other modules and the public pages. */
public interface Catalog {

    /** The version in force now (现行版本) of an item; empty if the item is unknown, still a draft, or retired. */
    Optional<ServiceItem> publishedItem(String code);

    /**
     * The number of the version in force now, without the guide: for callers that keep the versions they have read
     * (a published version's guide never changes). Empty like {@link #publishedItem}.
     */
    java.util.OptionalInt publishedVersion(String code);

    /**
     * One version of an item, whatever its status: a case accepted under version 2 is judged by version 2 even after
     * version 3 is in force or the item is retired.
     */
    Optional<ServiceItem> itemVersion(String code, int version);

    /**
     * Items in force whose code, name or keywords contain {@code query} (any part, two characters are enough), most
     * similar first; a blank query lists them all. Optionally only one department's or one theme's items.
     */
    List<ServiceSummary> search(String query, @Nullable Long departmentId, ServiceItem.@Nullable Theme theme);
}
