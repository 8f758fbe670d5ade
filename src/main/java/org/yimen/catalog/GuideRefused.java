package org.yimen.catalog;

import java.util.List;
import org.yimen.shared.Rejected;

/** A guide refused for everything the {@link GuidePolicy} found wrong with it, not only the first problem. */
class GuideRefused extends Rejected {

    private final transient List<GuidePolicy.Problem> problems;

    GuideRefused(List<GuidePolicy.Problem> problems) {
        super(Kind.INVALID, "catalog.validation.failed", problems.isEmpty() ? null : problems.getFirst().field(),
                problems.size());
        this.problems = List.copyOf(problems);
    }

    List<GuidePolicy.Problem> problems() {
        return problems;
    }
}
