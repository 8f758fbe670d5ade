package org.yimen.reception;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.calendar.WorkingDays;
import org.yimen.shared.Rejected;

/**
 * What a kiosk offers before the ticket (取号前告知): the lines open to kiosks, the catalog items they cover, and for
 * a chosen line, or a chosen item and the line that covers it, the materials to bring. A citizen who learns at the
 * kiosk that a document is missing goes home before waiting, not after.
 */
@Service
@Transactional(readOnly = true)
class KioskGuide {

    /** A line button: closed lines are shown greyed, with their hours. */
    record LineChoice(long id, String name, String prefix, int waiting, boolean open, String hours) {
    }

    /** The page before the ticket: the line, the item chosen (if any) and the materials of its items. */
    record LineGuide(LineChoice line, @Nullable String itemCode, List<ItemGuides.ItemGuide> items) {
    }

    /** An item the kiosk offers, with the line it leads to. */
    record ItemChoice(String code, String name, long lineId, String line, String prefix) {
    }

    private final ServiceLines lines;
    private final ItemGuides guides;
    private final DisplayViews displays;
    private final WorkingDays workingDays;
    private final Clock clock;

    KioskGuide(ServiceLines lines, ItemGuides guides, DisplayViews displays, WorkingDays workingDays, Clock clock) {
        this.lines = lines;
        this.guides = guides;
        this.displays = displays;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The lines a kiosk of the hall offers, with who waits on each. */
    List<LineChoice> lines(long hallId) {
        var counts = displays.waiting(hallId);
        boolean workingDay = workingDays.isWorkingDay(LocalDate.now(clock));
        LocalTime now = LocalTime.now(clock);
        return kioskLines(hallId).stream()
                .map(line -> new LineChoice(line.id(), line.name(), line.prefix(),
                        counts.stream().filter(c -> c.lineId() == line.id())
                                .mapToInt(DisplayViews.LineCount::waiting).sum(),
                        workingDay && line.openAt(now), line.opensAt() + "–" + line.closesAt()))
                .toList();
    }

    /** A line the kiosk offers and the materials of every item it covers. */
    LineGuide ofLine(long hallId, long lineId) {
        var line = choice(hallId, lineId);
        return new LineGuide(line, null, guides.guides(lines.require(lineId).itemCodes()));
    }

    /**
     * A chosen item and the line that covers it (one open now, if several lines of the hall do), with that item's
     * materials only. Refused when no kiosk line of the hall covers an item in force of that code.
     */
    LineGuide ofItem(long hallId, String code) {
        var guide = guides.guide(code.strip())
                .orElseThrow(() -> Rejected.notFound("reception.kiosk.itemNotHere", code.strip()));
        var line = lineFor(guide.code(), lines(hallId), kioskLines(hallId))
                .orElseThrow(() -> Rejected.notFound("reception.kiosk.itemNotHere", guide.code()));
        return new LineGuide(line, guide.code(), List.of(guide));
    }

    /** The items in force the hall's kiosk lines cover whose name or code contains the query (all if blank). */
    List<ItemChoice> items(long hallId, @Nullable String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        var kiosk = kioskLines(hallId);
        var choices = lines(hallId);
        var items = new ArrayList<ItemChoice>();
        var seen = new HashSet<String>();
        for (var line : kiosk) {
            for (String code : line.itemCodes()) {
                if (!seen.add(code)) {
                    continue;
                }
                guides.guide(code)
                        .filter(guide -> q.isEmpty() || guide.name().toLowerCase(Locale.ROOT).contains(q)
                                || guide.code().toLowerCase(Locale.ROOT).contains(q))
                        .ifPresent(guide -> lineFor(code, choices, kiosk).ifPresent(to -> items.add(
                                new ItemChoice(guide.code(), guide.name(), to.id(), to.name(), to.prefix()))));
            }
        }
        return items;
    }

    /** The line an item leads to: of the kiosk lines covering it, the first open now, else the first. */
    private static Optional<LineChoice> lineFor(String code, List<LineChoice> choices, List<ServiceLine> kiosk) {
        return kiosk.stream().filter(line -> line.itemCodes().contains(code))
                .flatMap(line -> choices.stream().filter(c -> c.id() == line.id()))
                .min(Comparator.comparing((LineChoice c) -> !c.open()));
    }

    private LineChoice choice(long hallId, long lineId) {
        return lines(hallId).stream().filter(c -> c.id() == lineId).findFirst()
                .orElseThrow(() -> Rejected.notFound("reception.line.notFound"));
    }

    private List<ServiceLine> kioskLines(long hallId) {
        return lines.ofHall(hallId).stream().filter(line -> line.active() && line.kiosk()).toList();
    }
}
