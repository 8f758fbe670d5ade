package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.StatementCounter;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Every transition of a case, audit and clocks included, sends at most 7 SQL statements (the issue allows 10; the
 * transitions send 4 to 6, and the budget keeps them there): the figure does not depend on the machine, so it guards
 * the cost of the lifecycle where a timing could not (a general workflow engine sends 40–50 per step).
 */
@YimenIntegrationTest
class CaseStatementBudgetTest {

    static final int BUDGET = 7;

    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    Organisation organisation;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyTransitionOfTheLandUseLifecycleStaysWithinSevenStatements() {
        clock.set(ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Officer reviewer = officer("gtzyt.reviewer");
        Officer head = officer("gtzyt.head");
        Officer housing = officer("reviewer1");
        Officer environment = officer("hbt.reviewer");
        Map<String, List<String>> spent = new LinkedHashMap<>();

        Case c = measure(spent, "submit", () -> cases.submit(new Intake(UUID.randomUUID().toString(),
                landUse.code(), "GZZWFW", 1, new Applicant(Applicant.Kind.PERSON, "张三", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "13908512345"),
                required)));
        long id = c.id();
        measure(spent, "accept", () -> cases.accept(id));
        measure(spent, "pause", () -> cases.startSpecialProcedure(id, reviewer, Pause.Procedure.HEARING, "听证", 5));
        measure(spent, "resume", () -> cases.resume(id, reviewer));
        measure(spent, "requestExtension", () -> cases.requestExtension(id, reviewer, "需补充现场核查"));
        measure(spent, "approveExtension", () -> cases.approveExtension(id, head));
        measure(spent, "completeStage", () -> cases.completeStage(id, reviewer, "同意"));
        measure(spent, "consent", () -> cases.answerOpinion(id, housing, Opinion.Answer.CONSENT, ""));
        measure(spent, "consent", () -> cases.answerOpinion(id, environment, Opinion.Answer.CONSENT, ""));
        measure(spent, "decide", () -> cases.decide(id, head, Decision.Outcome.APPROVED, "黔国土资地批〔2026〕1号",
                "", ""));
        measure(spent, "deliver", () -> cases.deliver(id, head, Delivery.Method.WINDOW, ""));

        assertThat(cases.find(id).orElseThrow().state()).isEqualTo(CaseState.DELIVERED);
        // The counter sees what is sent: the accept loads the case, writes it and appends to the audit trail.
        assertThat(spent.get("accept")).anyMatch(sql -> sql.contains("update case_application"))
                .anyMatch(sql -> sql.contains("audit_record"));
        spent.forEach((transition, sql) -> assertThat(sql.size()).as("%s sent %s", transition,
                        sql.stream().map(s -> s.strip().lines().findFirst().orElse("")).toList())
                .isLessThanOrEqualTo(BUDGET));
    }

    private <T> T measure(Map<String, List<String>> spent, String name, Supplier<T> transition) {
        List<T> result = new ArrayList<>();
        List<String> sql = StatementCounter.statementsOf(() -> result.add(transition.get()));
        spent.merge(name, sql, (a, b) -> a.size() >= b.size() ? a : b);
        return result.getFirst();
    }

    private Officer officer(String username) {
        var staff = organisation.staffByUsername(username).orElseThrow();
        return new Officer(staff.id(), staff.name());
    }
}
