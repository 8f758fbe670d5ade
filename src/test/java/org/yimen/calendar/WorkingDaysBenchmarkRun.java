package org.yimen.calendar;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yimen.support.bench.Jmh;

@Tag("benchmark")
class WorkingDaysBenchmarkRun {

    @Test
    void workingDayArithmetic() {
        Jmh.run(WorkingDaysBenchmark.class);
    }
}
