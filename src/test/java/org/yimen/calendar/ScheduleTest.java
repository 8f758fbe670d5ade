package org.yimen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yimen.calendar.ScheduleRejected.Problem;

class ScheduleTest {

    @Test
    void readsTheShippedSchedules() {
        for (int year : ShippedCalendar.YEARS) {
            Schedule schedule = ShippedCalendar.schedule(year);
            assertThat(schedule.year()).isEqualTo(year);
            assertThat(schedule.days()).isNotEmpty().allMatch(day -> day.date().getYear() == year);
            assertThat(schedule.source("")).startsWith("https://www.gov.cn/");
        }
        assertThat(ShippedCalendar.schedule(2026).days())
                .contains(new SpecialDay(LocalDate.of(2026, 10, 10), "国庆节", false));
    }

    @Test
    void acceptsAYearWithNoListedDays() {
        Schedule schedule = Schedule.parse(ShippedCalendar.resource("calendar/2027.json"), 2027);

        assertThat(schedule.year()).isEqualTo(2027);
        assertThat(schedule.days()).isEmpty();
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThat(problems("{\"year\": 2027, \"days\": [", 2027)).extracting(Problem::code)
                .containsExactly("calendar.import.malformed");
        assertThat(problems("  ", 2027)).extracting(Problem::code).containsExactly("calendar.import.empty");
        assertThat(problems("[]", 2027)).extracting(Problem::code).containsExactly("calendar.import.notObject");
    }

    @Test
    void namesEveryMissingField() {
        String json = """
                {"year": 2027, "days": [{"date": "2027-01-01", "isOffDay": true}, {"name": "春节"}]}""";

        assertThat(problems(json, 2027)).containsExactly(
                new Problem("calendar.import.missingField", List.of("papers")),
                new Problem("calendar.import.day.missingField", List.of(1, "name")),
                new Problem("calendar.import.day.missingField", List.of(2, "date")),
                new Problem("calendar.import.day.missingField", List.of(2, "isOffDay")));
    }

    @Test
    void refusesADuplicateDateADateOutsideTheYearAndAnotherYearAllAtOnce() {
        String json = """
                {"year": 2028, "papers": [], "days": [
                  {"name": "元旦", "date": "2028-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2028-01-01", "isOffDay": true},
                  {"name": "元旦", "date": "2027-12-31", "isOffDay": true},
                  {"name": "元旦", "date": "2028-02-30", "isOffDay": "yes"}
                ]}""";

        assertThat(problems(json, 2027)).extracting(Problem::code).containsExactly(
                "calendar.import.yearMismatch",
                "calendar.import.day.duplicate",
                "calendar.import.day.outsideYear",
                "calendar.import.day.dateInvalid",
                "calendar.import.day.offDayInvalid");
    }

    @Test
    void refusesAYearOutsideTheSupportedRange() {
        assertThat(problems("{\"year\": 20270, \"papers\": [], \"days\": []}", null)).extracting(Problem::code)
                .containsExactly("calendar.import.yearInvalid");
    }

    private static List<Problem> problems(String json, Integer year) {
        ScheduleRejected rejected = catchThrowableOfType(ScheduleRejected.class, () -> Schedule.parse(json, year));
        assertThat(rejected).as("refused").isNotNull();
        return rejected.problems();
    }
}
