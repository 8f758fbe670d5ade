package org.yimen.reception;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The lines a window serves, first to last; a place left empty is skipped. */
record WindowLinesForm(@Nullable List<@Nullable Long> lineIds) {

    List<Long> chosen() {
        return lineIds == null ? List.of() : lineIds.stream().filter(Objects::nonNull).toList();
    }
}
