package org.yimen.cases;

import java.util.List;

/**
 * 一次性告知书 issued; {@code flagged} marks a second notice, which supervisors look at; {@code channel} says where the
 * application came in, so an online applicant is told the materials can be uploaded (网上补正).
 */
public record NoticeIssued(String caseNumber, long departmentId, int number, boolean flagged, List<String> materials,
        Case.Channel channel) {

    public NoticeIssued {
        materials = List.copyOf(materials);
    }
}
