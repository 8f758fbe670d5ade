package org.yimen.cases;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yimen.shared.Masking;

/**
 * Says a case's history in the reader's language. A line's detail holds its arguments separated by {@code |}; those
 * that name a value of an enumeration (a procedure, a delivery method, who acts for a post) are said through their
 * own message. Citizens read a shorter history: the office's internal steps (who took over a stage, each consulted
 * department's answer) are left out and no officer is named.
 */
@Component
class Timelines {

    /** One line as shown. */
    record Line(LocalDateTime at, String text, String actor) {
    }

    /** Kinds a citizen does not see on the progress page. */
    private static final Set<String> INTERNAL = Set.of("stageReassigned", "consented", "vetoed", "deemedConsent",
            "vetoAcknowledged", "extensionRequested");

    /** For a kind, the message prefix of each argument that names an enumeration value (null: said as it is). */
    private static final Map<String, List<String>> ENUM_ARGUMENTS = Map.of(
            "paused", List.of("cases.procedure."),
            "delivered", List.of("cases.delivery."),
            "stageReassigned", java.util.Arrays.asList(null, null, "cases.acting."));

    private final MessageSource messages;
    private final Clock clock;

    Timelines(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    List<Line> forStaff(Case c, Locale locale) {
        return c.timeline().stream().map(e -> line(e, locale, e.actorName())).toList();
    }

    List<Line> forCitizen(Case c, Locale locale) {
        return c.timeline().stream().filter(e -> !INTERNAL.contains(e.kind())).map(e -> line(e, locale, ""))
                .toList();
    }

    private Line line(TimelineEntry e, Locale locale, String actor) {
        String[] raw = e.detail().split("\\|", -1);
        List<String> prefixes = ENUM_ARGUMENTS.getOrDefault(e.kind(), List.of());
        Object[] args = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String prefix = i < prefixes.size() ? prefixes.get(i) : null;
            args[i] = prefix == null || raw[i].isEmpty() ? Masking.inText(raw[i])
                    : messages.getMessage(prefix + raw[i], null, raw[i], locale);
        }
        String text = messages.getMessage("cases.timeline." + e.kind(), args, e.kind(), locale);
        return new Line(LocalDateTime.ofInstant(e.at(), clock.getZone()), text, actor);
    }
}
