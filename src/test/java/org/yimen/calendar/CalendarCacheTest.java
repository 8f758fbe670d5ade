package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a node notices that another node changed the calendar: by the stamp, checked at most once per interval. */
class CalendarCacheTest {

    /** The database as another node leaves it: a stamp and what a load returns. */
    static final class SharedDatabase extends CalendarStore {

        CalendarStore.Stamp stamp = new CalendarStore.Stamp(3, 6);
        CalendarSnapshot calendar = ShippedCalendar.snapshot();
        int loads;
        int stampChecks;

        SharedDatabase() {
            super(null);
        }

        @Override
        Stamp stamp() {
            stampChecks++;
            return stamp;
        }

        @Override
        CalendarSnapshot load() {
            loads++;
            return calendar;
        }

        void anotherNodeMarksAHoliday(LocalDate date) {
            calendar = new CalendarSnapshot(
                    Map.of(date.getYear(), YearCalendar.of(date.getYear(), List.of(new SpecialDay(date, "x", true)))),
                    Map.of());
            stamp = new Stamp(stamp.years(), stamp.versions() + 7);
        }
    }

    private final SharedDatabase database = new SharedDatabase();
    private final LocalDate monday = LocalDate.of(2030, 1, 7);

    @Test
    void anotherNodesChangeIsSeenAtTheNextCheck() {
        var cache = new CalendarCache(database);
        assertThat(new WorkingDays(cache).isWorkingDay(monday)).isTrue();

        database.anotherNodeMarksAHoliday(monday);
        cache.check();

        assertThat(new WorkingDays(cache).isWorkingDay(monday)).isFalse();
        assertThat(database.loads).isEqualTo(2);
    }

    @Test
    void anUnchangedStampKeepsTheCalendarWithoutReadingItAgain() {
        var cache = new CalendarCache(database);
        cache.current();
        cache.check();
        cache.check();

        assertThat(database.stampChecks).isEqualTo(3);
        assertThat(database.loads).isEqualTo(1);
    }

    @Test
    void readsBetweenChecksNeverAskTheDatabaseButOwnChangesShowAtOnce() {
        var cache = new CalendarCache(database);
        cache.current();
        database.anotherNodeMarksAHoliday(monday);

        assertThat(cache.current().isWorking(monday)).isTrue();
        assertThat(database.stampChecks).isEqualTo(1);

        cache.invalidate();
        assertThat(cache.current().isWorking(monday)).isFalse();
    }
}
