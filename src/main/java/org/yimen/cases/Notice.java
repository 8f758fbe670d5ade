package org.yimen.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知书 as issued: every missing or defective material with its reason. {@code flagged} marks the exceptional
 * second notice, which concerns only materials supplied at the visit it was issued on and carries a reason.
 */
public record Notice(int number, LocalDate issuedOn, int visit, String reason, boolean flagged,
        List<NoticeItem> items) {

    public Notice {
        items = List.copyOf(items);
    }
}
