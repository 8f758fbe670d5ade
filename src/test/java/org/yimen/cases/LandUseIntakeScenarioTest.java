package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The land use application of the report, told as it happens at the window (the intake half of the issue's scenario):
 * incomplete on 2026-09-29, one notice listing everything missing; completed the next day on the second visit and
 * accepted; the promise of 12 working days ends on 2026-10-22, skipping the National Day week and counting the
 * make-up Saturday 2026-10-10.
 */
@YimenIntegrationTest
class LandUseIntakeScenarioTest {

    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void incompleteOnTheTwentyNinthAcceptedOnTheThirtiethPromisedForTheTwentySecondOfOctober() {
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();

        // 29 September: the applicant brings all but the last required material.
        on(2026, 9, 29);
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                new Applicant(Applicant.Kind.ENTERPRISE, "贵州某某置业有限公司", "91520100MA6DLX1X2C",
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "0851-85281234"),
                required.subList(0, required.size() - 1)));
        // The clerk cannot accept, so issues one notice naming what is missing.
        Notice notice = cases.issueOneTimeNotice(c.id(), List.of(new NoticeItem(required.getLast(),
                NoticeItem.Problem.MISSING, "")), "");
        assertThat(notice.items()).extracting(NoticeItem::material).containsExactly(required.getLast());

        // 30 September: the second visit completes the materials and the case is accepted.
        on(2026, 9, 30);
        cases.supplement(c.id(), List.of(required.getLast()));
        Case accepted = cases.accept(c.id());

        assertThat(accepted.visits()).isEqualTo(2);
        assertThat(accepted.thirdVisit()).isFalse();
        assertThat(accepted.clocks().acceptedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(accepted.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(accepted.clocks().published()).isTrue();
    }

    private void on(int year, int month, int day) {
        clock.set(ZonedDateTime.of(year, month, day, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    }
}
