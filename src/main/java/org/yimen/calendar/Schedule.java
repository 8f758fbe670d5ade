package org.yimen.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yimen.calendar.ScheduleRejected.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One year's schedule as the State Council publishes it (国务院办公厅关于节假日安排的通知), in the holiday-cn JSON
 * format: {@code {"year": 2026, "papers": [...], "days": [{"name", "date", "isOffDay"}]}}. Reading one checks
 * everything and reports every problem at once; a schedule that exists is valid.
 */
record Schedule(int year, List<String> papers, List<SpecialDay> days) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Schedule {
        papers = List.copyOf(papers);
        days = List.copyOf(days);
    }

    /** Where the schedule comes from, for the record: its papers, or what the caller says. */
    String source(String otherwise) {
        String joined = String.join(" ", papers);
        String source = joined.isBlank() ? otherwise : joined;
        return source.length() > 500 ? source.substring(0, 500) : source;
    }

    /**
     * Reads and checks a schedule.
     *
     * @param expectedYear the year the administrator meant to import, or null to take the file's word for it
     * @throws ScheduleRejected listing every problem found
     */
    static Schedule parse(@Nullable String json, @Nullable Integer expectedYear) {
        if (json == null || json.isBlank()) {
            throw new ScheduleRejected(List.of(Problem.of("calendar.import.empty")));
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            var where = e.getLocation();
            return reject(Problem.of("calendar.import.malformed", where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            return reject(Problem.of("calendar.import.notObject"));
        }
        var problems = new ArrayList<Problem>();
        Integer year = year(root.get("year"), expectedYear, problems);
        List<String> papers = papers(root.get("papers"), problems);
        List<SpecialDay> days = days(root.get("days"), year, problems);
        if (!problems.isEmpty() || year == null) {
            throw new ScheduleRejected(problems);
        }
        return new Schedule(year, papers, days);
    }

    private static @Nullable Integer year(@Nullable JsonNode node, @Nullable Integer expected,
            List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(Problem.of("calendar.import.missingField", "year"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < WorkingDays.FIRST_YEAR
                || node.intValue() > WorkingDays.LAST_YEAR) {
            problems.add(Problem.of("calendar.import.yearInvalid", node.toString(),
                    String.valueOf(WorkingDays.FIRST_YEAR), String.valueOf(WorkingDays.LAST_YEAR)));
            return null;
        }
        int year = node.intValue();
        if (expected != null && expected != year) {
            // still the file's own year for checking its dates, so every problem shows at once
            problems.add(Problem.of("calendar.import.yearMismatch", String.valueOf(year), String.valueOf(expected)));
        }
        return year;
    }

    private static List<String> papers(@Nullable JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(Problem.of("calendar.import.missingField", "papers"));
            return List.of();
        }
        if (!node.isArray() || node.values().stream().anyMatch(paper -> !paper.isString())) {
            problems.add(Problem.of("calendar.import.papersInvalid"));
            return List.of();
        }
        return node.values().stream().map(JsonNode::stringValue).toList();
    }

    private static List<SpecialDay> days(@Nullable JsonNode node, @Nullable Integer year, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(Problem.of("calendar.import.missingField", "days"));
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(Problem.of("calendar.import.daysInvalid"));
            return List.of();
        }
        var days = new ArrayList<SpecialDay>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        int number = 0;
        for (JsonNode item : node.values()) {
            number++;
            if (!item.isObject()) {
                problems.add(Problem.of("calendar.import.day.notObject", number));
                continue;
            }
            String name = name(item.get("name"), number, problems);
            LocalDate date = date(item.get("date"), number, year, problems);
            JsonNode offDay = item.get("isOffDay");
            if (offDay == null || offDay.isNull()) {
                problems.add(Problem.of("calendar.import.day.missingField", number, "isOffDay"));
            } else if (!offDay.isBoolean()) {
                problems.add(Problem.of("calendar.import.day.offDayInvalid", number));
                offDay = null;
            }
            if (date != null) {
                Integer first = seen.putIfAbsent(date, number);
                if (first != null) {
                    problems.add(Problem.of("calendar.import.day.duplicate", number, date.toString(), first));
                    continue;
                }
            }
            if (name != null && date != null && offDay != null) {
                days.add(new SpecialDay(date, name, offDay.booleanValue()));
            }
        }
        return days;
    }

    private static @Nullable String name(@Nullable JsonNode node, int number, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            problems.add(Problem.of("calendar.import.day.missingField", number, "name"));
            return null;
        }
        if (!node.isString() || node.stringValue().strip().length() > SpecialDay.MAX_NAME_LENGTH) {
            problems.add(Problem.of("calendar.import.day.nameInvalid", number, SpecialDay.MAX_NAME_LENGTH));
            return null;
        }
        return node.stringValue().strip();
    }

    private static @Nullable LocalDate date(@Nullable JsonNode node, int number, @Nullable Integer year,
            List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(Problem.of("calendar.import.day.missingField", number, "date"));
            return null;
        }
        LocalDate date;
        try {
            date = node.isString() ? LocalDate.parse(node.stringValue()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            problems.add(Problem.of("calendar.import.day.dateInvalid", number, node.asString()));
            return null;
        }
        if (year != null && date.getYear() != year) {
            problems.add(Problem.of("calendar.import.day.outsideYear", number, date.toString(),
                    String.valueOf(year)));
            return null;
        }
        return date;
    }

    private static Schedule reject(Problem problem) {
        throw new ScheduleRejected(List.of(problem));
    }
}
