package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reception statistics and the hall now, for hall managers and administrators, and for supervisors to read. */
@RestController
@RequestMapping("/api/reception")
@PreAuthorize(StatisticsApi.WATCHERS)
@Tag(name = "Reception statistics", description = "取号统计与大厅实况: waiting and service times (average and 90th"
        + " percentile), tickets issued, served, no-shows and transfers, evaluation results; the hall now")
class StatisticsApi {

    /** Who may watch the hall and read its statistics; supervisors (电子监察) read, they change nothing here. */
    static final String WATCHERS = "hasAnyRole('ADMIN', 'HALL_MANAGER', 'SUPERVISOR')";

    private final ReceptionStatistics statistics;
    private final HallLive live;

    StatisticsApi(ReceptionStatistics statistics, HallLive live) {
        this.statistics = statistics;
        this.live = live;
    }

    @GetMapping("/statistics")
    @Operation(summary = "A hall's reception statistics over a range of days",
            description = "By line, window, officer, hour of issue (hall time) and day, with the total. Times in"
                    + " minutes: waiting from entering the queue (issue, transfer or rejoin) to the call, service"
                    + " from its start to its end. Both dates are included; today when left out; at most 366"
                    + " days. 400 when `to` is before `from`.")
    ReceptionStatistics.Report statistics(@Parameter(description = "Hall id") @RequestParam long hallId,
            @Parameter(description = "First day (ISO date)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @Parameter(description = "Last day (ISO date)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return statistics.report(hallId, from, to);
    }

    @GetMapping(value = "/statistics.csv", produces = "text/csv")
    @Operation(summary = "The same statistics as CSV (RFC 4180, UTF-8 with byte-order mark)",
            description = "One row per group: dimension (TOTAL, LINE, WINDOW, OFFICER, HOUR, DAY), key, name,"
                    + " counts, times in minutes, and ratings per level.")
    void csv(@RequestParam long hallId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            HttpServletResponse response) throws IOException {
        var report = statistics.report(hallId, from, to);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"reception-" + report.from() + "-"
                + report.to() + ".csv\"");
        var stream = response.getOutputStream();
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        row(out, "dimension", "key", "name", "issued", "called", "served", "noShows", "transferred",
                "waitAverageMinutes", "waitP90Minutes", "waitLongestMinutes", "serviceAverageMinutes",
                "serviceP90Minutes", "rated", "level1", "level2", "level3", "level4", "level5", "low");
        write(out, "TOTAL", List.of(report.total()));
        write(out, "LINE", report.byLine());
        write(out, "WINDOW", report.byWindow());
        write(out, "OFFICER", report.byOfficer());
        write(out, "HOUR", report.byHour());
        write(out, "DAY", report.byDay());
        out.flush();
    }

    @GetMapping("/live")
    @Operation(summary = "The hall now (大厅实况)",
            description = "Per line: waiting, the longest current wait, issued and served today. Per window: open"
                    + " or paused (with the reason), the officer on duty (A, B or the head), the current ticket and"
                    + " since when.")
    HallLive.HallNow live(@RequestParam long hallId) {
        return live.now(hallId);
    }

    private static void write(Writer out, String dimension, List<ReceptionStatistics.Row> rows) throws IOException {
        for (var r : rows) {
            var levels = r.ratings().byLevel();
            row(out, dimension, r.key(), r.windowNumber() == null ? r.name() : r.windowNumber() + " " + r.name(),
                    n(r.issued()), n(r.called()), n(r.served()), n(r.noShows()), n(r.transferred()),
                    n(r.waitAverage()), n(r.waitP90()), n(r.waitLongest()), n(r.serviceAverage()), n(r.serviceP90()),
                    n(r.ratings().rated()), n(levels.get(0)), n(levels.get(1)), n(levels.get(2)), n(levels.get(3)),
                    n(levels.get(4)), n(r.ratings().low()));
        }
    }

    private static String n(@Nullable Number number) {
        return number == null ? "" : number.toString();
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields[i]));
        }
        out.write("\r\n");
    }

    /** Quoted per RFC 4180; a leading = + - @ is prefixed so that a spreadsheet keeps the cell as text. */
    static String quote(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
