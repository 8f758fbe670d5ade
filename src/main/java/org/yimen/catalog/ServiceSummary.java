package org.yimen.catalog;

import java.util.List;

/** One line of a search result: enough to choose an item, without its materials, stages and fees. */
public record ServiceSummary(String code, int version, String name, ServiceItem.Type type, long departmentId,
        int statutoryDays, int promisedDays, boolean free, List<ServiceItem.Theme> themes) {

    public ServiceSummary {
        themes = List.copyOf(themes);
    }

    /** Handled on the spot (即办). */
    public boolean onTheSpot() {
        return promisedDays == 0;
    }
}
