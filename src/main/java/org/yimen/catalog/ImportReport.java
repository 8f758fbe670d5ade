package org.yimen.catalog;

import java.util.List;

/**
 * What an import did, or why it did nothing: an import is all-or-nothing, so either every entry was applied or the
 * report lists every problem found (with the path of the field at fault) and the catalog is as it was.
 */
record ImportReport(boolean applied, int entries, int created, int published, int drafted, int retired,
        int unchanged, List<GuidePolicy.Problem> problems) {

    ImportReport {
        problems = List.copyOf(problems);
    }

    static ImportReport refused(int entries, List<GuidePolicy.Problem> problems) {
        return new ImportReport(false, entries, 0, 0, 0, 0, 0, problems);
    }
}
