package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * Intake on the shared database with the demo catalog's land use approval (建设用地审批: promised 12, statutory 60
 * working days) at window 1 of the demo hall.
 */
@YimenIntegrationTest
class CaseIntakeIntegrationTests {

    static final String LAND_USE = "GTZYT-XK-001";
    static final String HALL = "GZZWFW";
    static final String PHONE = "13908512345";
    private static final AtomicInteger people = new AtomicInteger(100);

    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcCases store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A valid 18-digit resident ID number, different per call. */
    static String idNumber() {
        String first17 = "52010219900101%03d".formatted(people.incrementAndGet());
        return first17 + IdentityDocument.checkCharacter(first17);
    }

    List<String> materials() {
        return catalog.publishedItem(LAND_USE).orElseThrow().materials().stream()
                .filter(ServiceItem.Material::required).map(ServiceItem.Material::name).toList();
    }

    Intake intake(String key, List<String> materials, String idNumber) {
        return new Intake(key, LAND_USE, HALL, 1, new Applicant(Applicant.Kind.PERSON, "张三", null,
                IdentityDocument.residentIdCard(idNumber), PHONE), materials);
    }

    void today(int year, int month, int day) {
        clock.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void landUseAcceptedOn30SeptemberIsPromisedFor22OctoberAcrossNationalDay() {
        today(2026, 9, 30);
        Case c = cases.submit(intake(UUID.randomUUID().toString(), materials(), idNumber()));
        long mark = AuditRecords.head(jdbc);

        Case accepted = cases.accept(c.id());

        assertThat(c.number()).matches("GZZWFW-20260930-\\d{6}");
        assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.clocks().promisedDue()).isEqualTo(LocalDate.of(2026, 10, 22));
        assertThat(accepted.clocks().statutoryDue()).isAfter(LocalDate.of(2026, 12, 1));
        assertThat(accepted.itemVersion()).isEqualTo(catalog.publishedItem(LAND_USE).orElseThrow().version());
        var record = AuditRecords.assertRecorded(jdbc, mark, "cases.audit.accepted", "case", c.number());
        assertThat(record.detail()).contains("2026-10-22");
        assertThat(cases.find(c.id()).orElseThrow().clocks()).isEqualTo(accepted.clocks());
    }

    @Test
    void aRepeatedSubmissionWithTheSameKeyCreatesOneCase() {
        String key = UUID.randomUUID().toString();

        Case first = cases.submit(intake(key, materials(), idNumber()));
        Case again = cases.submit(intake(key, materials(), idNumber()));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from case_application where idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSecondNoticeIsRefusedAndAThirdVisitIsFlagged() {
        List<String> all = materials();
        Case c = cases.submit(intake(UUID.randomUUID().toString(), all.subList(0, 2), idNumber()));
        long mark = AuditRecords.head(jdbc);
        List<NoticeItem> missing = all.subList(2, all.size()).stream()
                .map(m -> new NoticeItem(m, NoticeItem.Problem.MISSING, "")).toList();

        Notice first = cases.issueOneTimeNotice(c.id(), missing, "");
        AuditRecords.assertRecorded(jdbc, mark, "cases.audit.noticeIssued", "case", c.number());
        cases.supplement(c.id(), all.subList(2, all.size()));
        assertThatThrownBy(() -> cases.issueOneTimeNotice(c.id(),
                List.of(new NoticeItem(all.getFirst(), NoticeItem.Problem.DEFECTIVE, "复印件不清晰")), "补充"))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo("cases.notice.onlyOnce"));
        Notice second = cases.issueOneTimeNotice(c.id(),
                List.of(new NoticeItem(all.getLast(), NoticeItem.Problem.DEFECTIVE, "未盖章")), "新交材料未盖章");
        Case third = cases.supplement(c.id(), List.of(all.getLast()));

        assertThat(first.items()).hasSize(all.size() - 2);
        assertThat(second.flagged()).isTrue();
        assertThat(third.visits()).isEqualTo(3);
        assertThat(third.thirdVisit()).isTrue();
        assertThat(jdbc.sql("select third_visit and second_notice from case_application where id = ?")
                .param(c.id()).query(Boolean.class).single()).isTrue();
        assertThat(cases.find(c.id()).orElseThrow().notices()).hasSize(2);
    }

    @Test
    void documentNumbersAndPhonesAreStoredSealedAndShownMasked() {
        String id = idNumber();
        Case c = cases.submit(intake(UUID.randomUUID().toString(), materials(), id));

        var row = jdbc.sql("""
                select encode(document_sealed, 'escape') || encode(phone_sealed, 'escape') || document_index
                    || phone_index from case_application where id = ?""").param(c.id()).query(String.class).single();
        assertThat(row).doesNotContain(id).doesNotContain(PHONE);
        var details = cases.details(c.id()).orElseThrow();
        assertThat(details.maskedDocumentNumber()).doesNotContain(id).startsWith(id.substring(0, 2));
        assertThat(details.maskedPhone()).doesNotContain(PHONE).endsWith(PHONE.substring(7));
    }

    @Test
    void aMatterOutsideTheRemitIsRefusedNamingTheCompetentDepartment() {
        Case c = cases.submit(intake(UUID.randomUUID().toString(), List.of(), idNumber()));
        long other = jdbc.sql("select id from org_department where code = 'ZJT'").query(Long.class).single();
        long mark = AuditRecords.head(jdbc);

        Case refused = cases.refuse(c.id(), new Refusal(Refusal.Kind.OUTSIDE_REMIT, "属住建部门职权", "", other));

        assertThat(refused.state()).isEqualTo(CaseState.REFUSED);
        assertThat(cases.find(c.id()).orElseThrow().refusal().competentDepartmentId()).isEqualTo(other);
        AuditRecords.assertRecorded(jdbc, mark, "cases.audit.refused", "case", c.number());
    }

    @Test
    void twoClerksActingOnOneCaseAtOnceOneWinsTheOtherHearsOfTheConflict() {
        Case c = cases.submit(intake(UUID.randomUUID().toString(), materials(), idNumber()));
        Case mine = store.load(c.id()).orElseThrow();
        Case theirs = store.load(c.id()).orElseThrow();
        mine.accept(LocalDate.of(2026, 6, 1), 12, 60, (d, n) -> new org.yimen.calendar.WorkingDayResult(d, true,
                List.of()));
        theirs.refuse(new Refusal(Refusal.Kind.NOT_ACCEPTED, "不符合条件", "可申请复议", null), LocalDate.of(2026, 6, 1));

        store.save(mine, false);

        assertThatThrownBy(() -> store.save(theirs, false)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.code()).isEqualTo("cases.concurrentChange"));
        assertThat(cases.find(c.id()).orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void concurrentSubmissionsWithOneKeyCreateOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String id = idNumber();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            java.util.concurrent.Callable<Long> submit = () -> cases.submit(intake(key, materials(), id)).id();
            var answers = pool.invokeAll(java.util.Collections.nCopies(4, submit));
            var ids = new java.util.HashSet<Long>();
            for (var answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from case_application where idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDepartmentsWindowTakesItsOwnItemsAndCitywideItemsButNotOthers() {
        // Window 3 is 公安厅's; land use is 国土资源厅's and not handled citywide.
        assertThatThrownBy(() -> cases.submit(new Intake(UUID.randomUUID().toString(), LAND_USE, HALL, 3,
                new Applicant(Applicant.Kind.PERSON, "张三", null, IdentityDocument.residentIdCard(idNumber()),
                        PHONE), materials())))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code())
                        .isEqualTo("cases.intake.otherDepartmentsWindow"));
        // 人社厅's citywide registration is taken at 国土资源厅's window 1 for 人社厅 to review (同城通办).
        var item = catalog.publishedItem("RST-DJ-001").orElseThrow();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), item.code(), HALL, 1,
                new Applicant(Applicant.Kind.ENTERPRISE, "贵州某某有限公司", "91520100MA6DLX1X2C",
                        IdentityDocument.residentIdCard(idNumber()), PHONE), List.of()));
        assertThat(c.departmentId()).isEqualTo(item.departmentId());
    }
}
