package org.yimen.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.yimen.catalog.ServiceItem;

/**
 * Case handling settings ({@code yimen.cases}), each defaulting to the statutory figure or common practice.
 *
 * @param opinionDays working days a consulted department has to answer in a joint review before silence is consent
 * @param extensionDays the one extension's working days (行政许可法 Art. 42: 10) for items whose guide sets none
 * @param jointExtensionDays the extension for items reviewed jointly by several departments (Art. 42: 15) whose guide
 *     sets none
 * @param pledgeDays working days a 容缺 applicant has to hand in the deferred materials
 * @param deliveryDays working days to deliver the result after the decision (Art. 44: 10)
 * @param deemedAcceptanceDays working days after which an unexamined online application counts as accepted (Art. 32: 5)
 */
@ConfigurationProperties("yimen.cases")
record CaseRules(
        @DefaultValue("5") int opinionDays,
        @DefaultValue("10") int extensionDays,
        @DefaultValue("15") int jointExtensionDays,
        @DefaultValue("5") int pledgeDays,
        @DefaultValue("10") int deliveryDays,
        @DefaultValue("5") int deemedAcceptanceDays) {

    CaseRules {
        if (opinionDays < 1 || extensionDays < 1 || jointExtensionDays < 1 || pledgeDays < 1 || deliveryDays < 1
                || deemedAcceptanceDays < 1) {
            throw new IllegalArgumentException("yimen.cases: every number of working days must be at least 1");
        }
    }

    /**
     * The one extension's working days for a case of this item version: the item's own where a law or regulation
     * sets one (法律、法规另有规定的除外), else the statutory extension, longer for joint review.
     */
    int extensionDaysFor(ServiceItem item) {
        Integer own = item.extensionDays();
        if (own != null) {
            return own;
        }
        return item.jointReview() ? jointExtensionDays : extensionDays;
    }
}
