package org.yimen.cases;

import java.util.List;

/**
 * 补正: after a one-time notice the applicant handed in materials it asked for, at a window or online ({@code via}),
 * and the case is back with the office to examine; {@code round} is the submission round it made (a third is flagged).
 */
public record MaterialsSupplemented(String caseNumber, long departmentId, int round, Case.Channel via,
        List<String> materials) {

    public MaterialsSupplemented {
        materials = List.copyOf(materials);
    }
}
