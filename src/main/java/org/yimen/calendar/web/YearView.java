package org.yimen.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yimen.calendar.CalendarDay;
import org.yimen.calendar.DayKind;
import org.yimen.calendar.WorkingDays;

/** A year laid out as twelve month grids, weeks starting on Monday as on every Chinese wall calendar. */
record YearView(int year, String yearText, List<Month> months) {

    /** One month: its first day (for the caption) and its weeks, each seven cells. */
    record Month(LocalDate firstDay, List<List<Cell>> weeks) {
    }

    /** One cell of a month grid; {@code day} is null for the blanks before the 1st and after the last day. */
    record Cell(@Nullable CalendarDay day, boolean today) {

        public String css() {
            if (day == null) {
                return "";
            }
            String kind = switch (day.kind()) {
                case WORKDAY -> "";
                case WEEKEND -> "table-light text-body-secondary";
                case HOLIDAY -> "table-danger";
                case MAKEUP_WORKDAY -> "table-warning";
            };
            return today ? kind + " border border-3 border-primary" : kind;
        }

        public boolean shows(DayKind kind) {
            return day != null && day.kind() == kind;
        }
    }

    static YearView of(int year, WorkingDays calendar, LocalDate today) {
        var months = new ArrayList<Month>();
        for (int month = 1; month <= 12; month++) {
            YearMonth yearMonth = YearMonth.of(year, month);
            var weeks = new ArrayList<List<Cell>>();
            var week = new ArrayList<Cell>();
            int blanks = yearMonth.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < blanks; i++) {
                week.add(new Cell(null, false));
            }
            for (int dayOfMonth = 1; dayOfMonth <= yearMonth.lengthOfMonth(); dayOfMonth++) {
                LocalDate date = yearMonth.atDay(dayOfMonth);
                week.add(new Cell(calendar.day(date), date.equals(today)));
                if (week.size() == 7) {
                    weeks.add(List.copyOf(week));
                    week.clear();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false));
                }
                weeks.add(List.copyOf(week));
            }
            months.add(new Month(yearMonth.atDay(1), List.copyOf(weeks)));
        }
        return new YearView(year, String.valueOf(year), List.copyOf(months));
    }
}
