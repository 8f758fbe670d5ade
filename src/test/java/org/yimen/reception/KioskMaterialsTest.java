package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.calendar.WorkingDays;
import org.yimen.privacy.PersonalData;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

/**
 * The kiosk tells a citizen what to bring before the ticket: a line shows the materials of every item it covers, an
 * item leads to the line that covers it and shows that item's materials only; the citizen may leave a mobile number
 * for a reminder, which is checked, sealed, and shown only masked.
 */
@YimenIntegrationTest
class KioskMaterialsTest {

    /** 普通护照签发 and 居民身份证换领、补领 of the demo catalog. */
    private static final String PASSPORT = "GAT-CRJ-001";
    private static final String ID_CARD = "GAT-HZ-003";

    @Autowired
    MockMvc mvc;
    @Autowired
    ServiceLines lines;
    @Autowired
    Devices devices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    private ReceptionFixture hall;
    private String kiosk;

    @BeforeEach
    void aHallWithAKiosk() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
        hall = ReceptionFixture.hall(jdbc, lines, 1);
        kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "材料测试取号机").token();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLineShowsWhatToBringForEachOfItsItemsBeforeTheTicket() throws Exception {
        long line = hall.line("公安", "P", List.of(PASSPORT, ID_CARD));
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/devices/kiosk/lines/" + line)));
        mvc.perform(get("/devices/kiosk/lines/{id}", line).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("普通护照签发")))
                .andExpect(content().string(containsString("中国公民出入境证件申请表")))
                .andExpect(content().string(containsString("居民身份证换领、补领")))
                .andExpect(content().string(containsString("居民户口簿")))
                .andExpect(content().string(containsString("必须提交")))
                .andExpect(content().string(containsString("视情况提交")))
                .andExpect(content().string(containsString("原护照")))
                .andExpect(content().string(containsString("take-ticket")));
        mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .param("lineId", String.valueOf(line)))
                .andExpect(redirectedUrlPattern("/devices/kiosk/tickets/*"));

        mvc.perform(get("/api/devices/kiosk/lines/{id}/materials", line).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.line.prefix").value("P"))
                .andExpect(jsonPath("$.items[0].code").value(PASSPORT))
                .andExpect(jsonPath("$.items[0].required[0].name").value("中国公民出入境证件申请表"))
                .andExpect(jsonPath("$.items[0].optional[0].name").value("户口簿"))
                .andExpect(jsonPath("$.items[1].code").value(ID_CARD));

        var otherHall = ReceptionFixture.hall(jdbc, lines, 1);
        long elsewhere = otherHall.line("别的大厅", "Q", List.of(PASSPORT));
        mvc.perform(get("/devices/kiosk/lines/{id}", elsewhere).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("take-ticket"))))
                .andExpect(content().string(containsString("kiosk-refusal")));
    }

    @Test
    void anItemLeadsToTheLineThatCoversItWithOnlyItsMaterials() throws Exception {
        hall.line("出入境", "B", List.of(PASSPORT));
        long householdLine = hall.line("户政", "H", List.of(ID_CARD));
        mvc.perform(get("/devices/kiosk/items").header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("普通护照签发")))
                .andExpect(content().string(containsString("居民身份证换领、补领")));
        mvc.perform(get("/devices/kiosk/items").param("q", "身份证").header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("居民身份证换领、补领")))
                .andExpect(content().string(not(containsString("普通护照签发"))));

        mvc.perform(get("/devices/kiosk/items/{code}", ID_CARD).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("户政")))
                .andExpect(content().string(containsString("居民户口簿")))
                .andExpect(content().string(not(containsString("中国公民出入境证件申请表"))))
                .andExpect(content().string(containsString("name=\"itemCode\" value=\"" + ID_CARD + "\"")));

        long mark = AuditRecords.head(jdbc);
        String page = mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .param("lineId", String.valueOf(householdLine)).param("itemCode", ID_CARD))
                .andExpect(redirectedUrlPattern("/devices/kiosk/tickets/*"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(jdbc.sql("select item_code from rcp_ticket where line_id = ?").param(householdLine)
                .query(String.class).single()).isEqualTo(ID_CARD);
        assertThat(AuditRecords.since(jdbc, mark)).filteredOn(r -> r.action().equals("reception.ticket.issued"))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains(ID_CARD));
        mvc.perform(get(page).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("H001")))
                .andExpect(content().string(containsString("居民身份证换领、补领")));

        // An item no kiosk line of this hall covers, and one the chosen line does not cover.
        mvc.perform(get("/devices/kiosk/items/{code}", "RST-JF-002").header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本大厅的取号机不能为“RST-JF-002”取号")));
        mvc.perform(get("/api/devices/kiosk/items/{code}", "RST-JF-002").header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("reception.kiosk.itemNotHere"));
        mvc.perform(post("/api/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineId\": %d, \"itemCode\": \"%s\"}".formatted(householdLine, PASSPORT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("reception.issue.itemNotOnLine"))
                .andExpect(jsonPath("$.errors[0].field").value("itemCode"));
        mvc.perform(get("/api/devices/kiosk/items/{code}", PASSPORT).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.line.prefix").value("B"))
                .andExpect(jsonPath("$.itemCode").value(PASSPORT))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aMobileNumberIsCheckedSealedAndNeverShownInFull() throws Exception {
        long line = hall.line("出入境", "B", List.of(PASSPORT));
        mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .param("lineId", String.valueOf(line)).param("phone", "1234567"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入 11 位手机号码")))
                .andExpect(content().string(containsString("phone-error")))
                .andExpect(content().string(not(containsString("1234567"))));
        assertThat(jdbc.sql("select count(*) from rcp_ticket where line_id = ?").param(line).query(Integer.class)
                .single()).as("no ticket for a wrong number").isZero();

        String phone = "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String typed = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        long mark = AuditRecords.head(jdbc);
        String page = mvc.perform(post("/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .param("lineId", String.valueOf(line)).param("phone", typed))
                .andExpect(redirectedUrlPattern("/devices/kiosk/tickets/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(page).header(DeviceTokenFilter.HEADER, kiosk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("前面还有 3 人时短信提醒 " + masked)))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/ticket/" + page.substring(page.lastIndexOf('/') + 1)))
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(phone))));

        byte[] sealed = jdbc.sql("""
                select s.phone_sealed from rcp_ticket_sms s join rcp_ticket t on t.id = s.ticket_id
                where t.line_id = ?""").param(line).query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(phone);
        assertThat(personalData.open(sealed)).isEqualTo(phone);
        assertThat(AuditRecords.since(jdbc, mark)).filteredOn(r -> r.action().equals("reception.ticket.issued"))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains(masked).doesNotContain(phone));

        mvc.perform(post("/api/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineId\": %d, \"phone\": \"+86 %s\"}".formatted(line, phone)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sms.phone").value(masked))
                .andExpect(jsonPath("$.sms.whenAhead").value(3))
                .andExpect(jsonPath("$.sms.sent").value(false));
        mvc.perform(post("/api/devices/kiosk/tickets").header(DeviceTokenFilter.HEADER, kiosk)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineId\": %d, \"phone\": \"0851-8888888\"}".formatted(line)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
    }
}
