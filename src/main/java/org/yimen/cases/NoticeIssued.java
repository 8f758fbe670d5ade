package org.yimen.cases;

import java.util.List;

/** 一次性告知书 issued; {@code flagged} marks a second notice, which supervisors look at. */
public record NoticeIssued(String caseNumber, long departmentId, int number, boolean flagged, List<String> materials) {

    public NoticeIssued {
        materials = List.copyOf(materials);
    }
}
