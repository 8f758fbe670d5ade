package org.yimen.calendar;

import java.util.List;
import org.yimen.shared.Rejected;

/**
 * An imported schedule refused as a whole, with every problem found, so the administrator can fix the file in one go
 * (一次性告知, for our own users too). Nothing was changed.
 */
public class ScheduleRejected extends Rejected {

    /** One problem: a bundle key and its arguments. */
    public record Problem(String code, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        static Problem of(String code, Object... arguments) {
            return new Problem(code, List.of(arguments));
        }
    }

    private final List<Problem> problems;

    ScheduleRejected(List<Problem> problems) {
        super(Kind.INVALID, "calendar.import.rejected", null, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
