package org.yimen.cases;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.bench.Load;

/**
 * Full case lifecycles per second with 8 concurrent clients on the embedded PostgreSQL, through the services with
 * audit, clocks and A/B routing: the land use approval's submit → accept → review stage → two joint review opinions →
 * decision → delivery, seven audited transitions per lifecycle.
 */
@Tag("benchmark")
@YimenIntegrationTest
class CaseLifecycleBenchmark {

    private static final int CLIENTS = 8;

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
    void landUseLifecyclesWithEightClients() {
        clock.set(ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        ServiceItem landUse = catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow();
        List<String> required = landUse.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Officer reviewer = officer("gtzyt.reviewer");
        Officer head = officer("gtzyt.head");
        Officer housing = officer("reviewer1");
        Officer environment = officer("hbt.reviewer");
        String idNumber = CaseIntakeIntegrationTests.idNumber();

        java.util.concurrent.Callable<Case> lifecycle = () -> {
                    Case c = cases.submit(new Intake(UUID.randomUUID().toString(), landUse.code(), "GZZWFW", 1,
                            new Applicant(Applicant.Kind.PERSON, "张三", null,
                                    IdentityDocument.residentIdCard(idNumber), "13908512345"), required));
                    long id = c.id();
                    cases.accept(id);
                    cases.completeStage(id, reviewer, "同意");
                    cases.answerOpinion(id, housing, Opinion.Answer.CONSENT, "");
                    cases.answerOpinion(id, environment, Opinion.Answer.CONSENT, "");
                    cases.decide(id, head, Decision.Outcome.APPROVED, "黔国土资地批〔2026〕" + id + "号", "", "");
                    return cases.deliver(id, head, Delivery.Method.WINDOW, "");
                };
        // The rate climbs for about a minute while the JIT compiles on two busy cores, so the first run warms up
        // that long and both measure the steady state.
        var eight = Load.run("land use lifecycle (7 transitions), " + CLIENTS + " clients", CLIENTS,
                Duration.ofSeconds(60), Duration.ofSeconds(30), lifecycle);
        var one = Load.run("land use lifecycle (7 transitions), 1 client", 1, Duration.ofSeconds(5),
                Duration.ofSeconds(15), lifecycle);
        Load.report("cases", "Case lifecycles", List.of(one, eight));
    }

    private Officer officer(String username) {
        var staff = organisation.staffByUsername(username).orElseThrow();
        return new Officer(staff.id(), staff.name());
    }
}
