package org.yimen.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case handling settings ({@code yimen.cases}), each defaulting to the statutory figure or common practice. The one
 * extension is the guide's ({@link org.yimen.catalog.ServiceItem#extensionDaysAllowed}).
 *
 * @param opinionDays working days a consulted department has to answer in a joint review before silence is consent
 * @param pledgeDays working days a 容缺 applicant has to hand in the deferred materials
 * @param deliveryDays working days to deliver the result after the decision (Art. 44: 10)
 * @param deemedAcceptanceDays working days after which an unexamined online application counts as accepted (Art. 32: 5)
 */
@ConfigurationProperties("yimen.cases")
record CaseRules(
        @DefaultValue("5") int opinionDays,
        @DefaultValue("5") int pledgeDays,
        @DefaultValue("10") int deliveryDays,
        @DefaultValue("5") int deemedAcceptanceDays) {

    CaseRules {
        if (opinionDays < 1 || pledgeDays < 1 || deliveryDays < 1 || deemedAcceptanceDays < 1) {
            throw new IllegalArgumentException("yimen.cases: every number of working days must be at least 1");
        }
    }

}
