package org.yimen.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar's tables. Every write first takes the year's {@code cal_year} row (insert or update), which both locks
 * it against a concurrent import or edit of the same year and gives it a new version for the other nodes to notice.
 */
@Repository
class CalendarStore {

    /** What changes whenever any year changes: rows only ever get added, and versions only ever grow. */
    record Stamp(long years, long versions) {
    }

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stamp stamp() {
        return jdbc.sql("select count(*), coalesce(sum(version), 0) from cal_year")
                .query((rs, row) -> new Stamp(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** The stored years, read in one transaction so a concurrent import is seen whole or not at all. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    CalendarSnapshot load() {
        Map<Integer, YearPublication> publications = new HashMap<>();
        jdbc.sql("select year, published, source, imported_at, imported_by from cal_year")
                .query((rs, row) -> new YearPublication(rs.getInt("year"), rs.getBoolean("published"),
                        rs.getString("source"), rs.getObject("imported_at", OffsetDateTime.class),
                        rs.getString("imported_by")))
                .list()
                .forEach(publication -> publications.put(publication.year(), publication));
        Map<Integer, List<SpecialDay>> days = new HashMap<>();
        jdbc.sql("select date, name, off_day from cal_special_day")
                .query((rs, row) -> new SpecialDay(rs.getObject("date", LocalDate.class), rs.getString("name"),
                        rs.getBoolean("off_day")))
                .list()
                .forEach(day -> days.computeIfAbsent(day.date().getYear(), year -> new ArrayList<>()).add(day));
        Map<Integer, YearCalendar> years = new HashMap<>();
        publications.keySet().forEach(year -> years.put(year, YearCalendar.of(year, days.getOrDefault(year, List.of()))));
        return new CalendarSnapshot(years, publications);
    }

    /**
     * Stores a schedule shipped with yimen unless the year is already there; several nodes starting at once are safe,
     * and an administrator's later edits are never overwritten.
     *
     * @return whether this call stored it
     */
    @Transactional
    boolean storeShipped(Schedule schedule, OffsetDateTime now) {
        int inserted = jdbc.sql("""
                insert into cal_year (year, published, source, imported_at, imported_by)
                values (?, true, ?, ?, 'yimen') on conflict (year) do nothing""")
                .params(schedule.year(), schedule.source("yimen"), now)
                .update();
        if (inserted == 0) {
            return false;
        }
        insertDays(schedule.days(), now, "yimen");
        return true;
    }

    /** Replaces a year's schedule with an imported one and marks the year published, all in one transaction. */
    @Transactional
    void replace(Schedule schedule, String user, OffsetDateTime now) {
        jdbc.sql("""
                insert into cal_year (year, published, source, imported_at, imported_by) values (?, true, ?, ?, ?)
                on conflict (year) do update set published = true, source = excluded.source,
                    imported_at = excluded.imported_at, imported_by = excluded.imported_by,
                    version = nextval('cal_version_seq')""")
                .params(schedule.year(), schedule.source(user), now, user)
                .update();
        jdbc.sql("delete from cal_special_day where year = ?").param(schedule.year()).update();
        insertDays(schedule.days(), now, user);
    }

    /** Lists a date as a day off or a make-up working day, or takes it off the list ({@code day} null). */
    @Transactional
    void setDay(LocalDate date, @Nullable SpecialDay day, String user, OffsetDateTime now) {
        // a year without a schedule gets a row too, still unpublished, so other nodes notice the edit
        jdbc.sql("""
                insert into cal_year (year, published) values (?, false)
                on conflict (year) do update set version = nextval('cal_version_seq')""")
                .param(date.getYear())
                .update();
        if (day == null) {
            jdbc.sql("delete from cal_special_day where date = ?").param(date).update();
            return;
        }
        jdbc.sql("""
                insert into cal_special_day (date, year, name, off_day, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (date) do update set name = excluded.name, off_day = excluded.off_day,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(date, date.getYear(), day.name(), day.offDay(), now, user)
                .update();
    }

    private void insertDays(List<SpecialDay> days, OffsetDateTime now, String user) {
        for (SpecialDay day : days) {
            jdbc.sql("""
                    insert into cal_special_day (date, year, name, off_day, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?) on conflict (date) do nothing""")
                    .params(day.date(), day.date().getYear(), day.name(), day.offDay(), now, user)
                    .update();
        }
    }
}
