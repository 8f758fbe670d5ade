package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Online applications (网上申请): materials uploaded as PDF, JPEG or PNG judged by their content and kept with the case;
 * one nobody examined within 5 working days counts as accepted from the day it arrived (Art. 32), once.
 */
@YimenIntegrationTest
class OnlineApplicationTests {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @Autowired
    Cases cases;
    @Autowired
    CaseFiles files;
    @Autowired
    CaseSweep sweep;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    OnlineApplication application(String itemCode, List<CaseFiles.Upload> uploads) {
        return new OnlineApplication(UUID.randomUUID().toString(), itemCode, "GZZWFW",
                new Applicant(Applicant.Kind.PERSON, "赵六", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "13908516655"),
                uploads);
    }

    List<CaseFiles.Upload> allRequired(String itemCode) {
        return catalog.publishedItem(itemCode).orElseThrow().materials().stream()
                .filter(ServiceItem.Material::required)
                .map(m -> new CaseFiles.Upload(m.name(), m.name() + ".pdf", PDF)).toList();
    }

    @Test
    void uploadedMaterialsAreKeptWithTheCaseAndReadBackUnchanged() {
        Case c = cases.applyOnline(application("GAT-CRJ-001", allRequired("GAT-CRJ-001")), () -> { });

        assertThat(c.channel()).isEqualTo(Case.Channel.ONLINE);
        assertThat(c.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(c.missingRequired()).isEmpty();
        var stored = files.list(c.id());
        assertThat(stored).hasSize(2).allSatisfy(f -> assertThat(f.contentType()).isEqualTo("application/pdf"));
        assertThat(files.read(c.id(), stored.getFirst().id())).hasValue(PDF);
    }

    @Test
    void aFileIsJudgedByItsContentNotItsName() {
        var disguised = new CaseFiles.Upload("居民身份证", "身份证.pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.UTF_8));
        var uploads = List.of(new CaseFiles.Upload("中国公民出入境证件申请表", "申请表.png", PNG), disguised);
        long before = jdbc.sql("select count(*) from case_application").query(Long.class).single();

        assertThatThrownBy(() -> cases.applyOnline(application("GAT-CRJ-001", uploads), () -> { }))
                .isInstanceOfSatisfying(Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("cases.upload.type");
                    assertThat(r.arguments()).containsExactly("身份证.pdf");
                });
        assertThat(jdbc.sql("select count(*) from case_application").query(Long.class).single())
                .as("nothing half-written").isEqualTo(before);
    }

    @Test
    void anItemThatIsWindowOnlyCannotBeAppliedForOnline() {
        assertThatThrownBy(() -> cases.applyOnline(application("GAT-HZ-003", List.of(
                new CaseFiles.Upload("x", "x.pdf", PDF))), () -> { })).isInstanceOf(Rejected.class);
    }

    @Test
    void anOnlineApplicationNobodyExaminedForFiveWorkingDaysIsDeemedAcceptedFromItsArrivalOnce() {
        // Arrives Monday 2 November; the fifth working day after is Monday 9 November.
        clock.set(ZonedDateTime.of(2026, 11, 2, 20, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        Case c = cases.applyOnline(application("GAT-CRJ-001", allRequired("GAT-CRJ-001")), () -> { });

        clock.set(ZonedDateTime.of(2026, 11, 9, 23, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        sweep.sweep();
        assertThat(cases.find(c.id()).orElseThrow().state()).as("on the fifth working day still the office's")
                .isEqualTo(CaseState.SUBMITTED);

        clock.set(ZonedDateTime.of(2026, 11, 10, 0, 5, 0, 0, ZoneId.of("Asia/Shanghai")));
        sweep.sweep();
        sweep.sweep();
        Case deemed = cases.find(c.id()).orElseThrow();
        assertThat(deemed.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(deemed.deemedAccepted()).isTrue();
        assertThat(deemed.clocks().acceptedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(deemed.timeline()).filteredOn(e -> e.kind().equals("deemedAccepted")).hasSize(1);
    }
}
