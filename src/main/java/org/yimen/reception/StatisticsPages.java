package org.yimen.reception;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.org.Hall;
import org.yimen.shared.Rejected;
import tools.jackson.databind.json.JsonMapper;

/**
 * What hall managers (and, reading only, supervisors) watch: the hall now (大厅实况), refreshed every few seconds from
 * the database, and the statistics of a range of days with charts, tables and a CSV export.
 */
@Controller
@RequestMapping("/reception")
@PreAuthorize(StatisticsApi.WATCHERS)
class StatisticsPages {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ReceptionStatistics statistics;
    private final HallLive live;
    private final ReceptionHalls halls;
    private final MessageSource messages;

    StatisticsPages(ReceptionStatistics statistics, HallLive live, ReceptionHalls halls, MessageSource messages) {
        this.statistics = statistics;
        this.live = live;
        this.halls = halls;
        this.messages = messages;
    }

    // The hall now

    @GetMapping("/live")
    String live(@RequestParam(required = false) @Nullable Long hallId, Authentication user, Model model) {
        var all = halls.halls();
        model.addAttribute("mayConfigure", user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_HALL_MANAGER")));
        Long chosen = chosen(hallId, all);
        model.addAttribute("halls", all);
        model.addAttribute("hallId", chosen);
        model.addAttribute("hall", chosen == null ? null : live.now(chosen));
        return "reception/live";
    }

    /** The part of the live page that htmx fetches again every few seconds. */
    @GetMapping("/live/panel")
    String livePanel(@RequestParam long hallId, Model model) {
        model.addAttribute("hallId", hallId);
        model.addAttribute("hall", live.now(hallId));
        return "reception/live :: panel";
    }

    // Statistics

    @GetMapping("/statistics")
    String statistics(@RequestParam(required = false) @Nullable Long hallId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Locale locale, Model model) {
        var all = halls.halls();
        Long chosen = chosen(hallId, all);
        model.addAttribute("halls", all);
        model.addAttribute("hallId", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        Map<String, String> errors = new LinkedHashMap<>();
        if (chosen != null) {
            try {
                var report = statistics.report(chosen, from, to);
                model.addAttribute("report", report);
                model.addAttribute("from", report.from());
                model.addAttribute("to", report.to());
                model.addAttribute("hourChart", json.writeValueAsString(hourChart(report, locale)));
                model.addAttribute("lineChart", json.writeValueAsString(lineChart(report, locale)));
                model.addAttribute("ratingChart", json.writeValueAsString(ratingChart(report, locale)));
            } catch (Rejected rejected) {
                if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                    throw rejected;
                }
                errors.put(rejected.field() == null ? "form" : rejected.field(),
                        messages.getMessage(rejected, locale));
            }
        }
        model.addAttribute("errors", errors);
        return "reception/statistics";
    }

    private static @Nullable Long chosen(@Nullable Long hallId, List<Hall> all) {
        if (hallId != null) {
            return hallId;
        }
        return all.isEmpty() ? null : all.getFirst().id();
    }

    // Charts: plain data for the static script, with every label from the bundles.

    /** Tickets issued per hour of the day (bars) and the average wait of those tickets (line, second axis). */
    private Map<String, Object> hourChart(ReceptionStatistics.Report report, Locale locale) {
        // Every hour from the first to the last, so that a quiet hour shows as one and not as a gap in the axis.
        var rows = new ArrayList<ReceptionStatistics.Row>();
        var byHour = report.byHour();
        if (!byHour.isEmpty()) {
            int first = Integer.parseInt(byHour.getFirst().key());
            int last = Integer.parseInt(byHour.getLast().key());
            for (int hour = first; hour <= last; hour++) {
                String key = String.valueOf(hour);
                int h = hour;
                rows.add(byHour.stream().filter(r -> r.key().equals(key)).findFirst()
                        .orElseGet(() -> ReceptionStatistics.quietHour(h)));
            }
        }
        return bars(rows.stream().map(ReceptionStatistics.Row::name).toList(),
                List.of(text("reception.statistics.issued", locale), text("reception.statistics.minutes", locale)),
                List.of(series(text("reception.statistics.issued", locale), "bar", 0, rows,
                                r -> r.issued()),
                        series(text("reception.statistics.waitAverage", locale), "line", 1, rows,
                                ReceptionStatistics.Row::waitAverage)));
    }

    /** Waiting and service times per line: average and 90th percentile. */
    private Map<String, Object> lineChart(ReceptionStatistics.Report report, Locale locale) {
        var rows = report.byLine();
        return bars(rows.stream().map(ReceptionStatistics.Row::name).toList(),
                List.of(text("reception.statistics.minutes", locale)),
                List.of(series(text("reception.statistics.waitAverage", locale), "bar", 0, rows,
                                ReceptionStatistics.Row::waitAverage),
                        series(text("reception.statistics.waitP90", locale), "bar", 0, rows,
                                ReceptionStatistics.Row::waitP90),
                        series(text("reception.statistics.serviceAverage", locale), "bar", 0, rows,
                                ReceptionStatistics.Row::serviceAverage),
                        series(text("reception.statistics.serviceP90", locale), "bar", 0, rows,
                                ReceptionStatistics.Row::serviceP90)));
    }

    /** The five rating levels of the range, best first. */
    private Map<String, Object> ratingChart(ReceptionStatistics.Report report, Locale locale) {
        var items = new ArrayList<Map<String, Object>>();
        for (int level = 5; level >= 1; level--) {
            items.add(Map.of("name", text("reception.rating.level." + level, locale), "value",
                    report.total().ratings().byLevel().get(level - 1)));
        }
        return Map.of("kind", "pie", "items", items);
    }

    private static Map<String, Object> bars(List<String> categories, List<String> axes,
            List<Map<String, Object>> series) {
        return Map.of("kind", "bars", "categories", categories, "axes", axes, "series", series);
    }

    private static Map<String, Object> series(String name, String type, int axis, List<ReceptionStatistics.Row> rows,
            Function<ReceptionStatistics.Row, @Nullable Number> value) {
        var data = new ArrayList<@Nullable Number>();
        rows.forEach(r -> data.add(value.apply(r)));
        var series = new LinkedHashMap<String, Object>();
        series.put("name", name);
        series.put("type", type);
        series.put("axis", axis);
        series.put("data", data);
        return series;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
