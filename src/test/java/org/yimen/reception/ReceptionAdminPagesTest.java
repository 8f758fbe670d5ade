package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/** The hall manager's reception set-up pages: lines, the order of lines per window, devices and their tokens. */
@YimenIntegrationTest
class ReceptionAdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceLines lines;

    private ReceptionFixture hall;

    @BeforeEach
    void aHallWithTwoWindows() {
        hall = ReceptionFixture.hall(jdbc, lines, 2);
    }

    private MockHttpServletRequestBuilder lineForm(String path, String name, String prefix, String opens) {
        return post(path).with(csrf()).with(manager())
                .param("hallId", String.valueOf(hall.hallId)).param("name", name).param("prefix", prefix)
                .param("itemCodes", "BDC-001, BDC-002\nBDC-003").param("opensAt", opens).param("closesAt", "17:00")
                .param("dailyCap", "200").param("serviceMinutes", "10").param("kiosk", "true")
                .param("active", "true").param("appointmentCapacity", "4").param("appointmentSlotMinutes", "30");
    }

    @Test
    void aManagerCreatesALineWithItsAppointmentsAndWindows() throws Exception {
        long mark = AuditRecords.head(jdbc);
        mvc.perform(lineForm("/admin/reception/lines/new", "不动产登记", "F", "09:00")
                        .param("windowIds", String.valueOf(hall.window(1)), String.valueOf(hall.window(2))))
                .andExpect(redirectedUrl("/admin/reception?hallId=" + hall.hallId))
                .andExpect(flash().attribute("flashSuccess", "reception.flash.lineCreated"));
        var line = lines.ofHall(hall.hallId).getFirst();
        assertThat(line.name()).isEqualTo("不动产登记");
        assertThat(line.itemCodes()).containsExactly("BDC-001", "BDC-002", "BDC-003");
        assertThat(line.opensAt()).hasToString("09:00");
        assertThat(lines.windowsOf(line.id())).containsExactlyInAnyOrder(hall.window(1), hall.window(2));
        assertThat(jdbc.sql("select appointment_capacity from rcp_line where id = ?").param(line.id())
                .query(Integer.class).single()).isEqualTo(4);
        AuditRecords.assertRecorded(jdbc, mark, "reception.line.created", "reception-line", line.id());
        AuditRecords.assertRecorded(jdbc, mark, "reception.appointment.offered", "reception-line", line.id());
        AuditRecords.assertRecorded(jdbc, mark, "reception.window.linesAssigned", "window", hall.window(2));
        mvc.perform(get("/admin/reception").param("hallId", String.valueOf(hall.hallId)).with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不动产登记")))
                .andExpect(content().string(containsString("每时段 4 个，30 分钟一段")));
    }

    @Test
    void aWrongPrefixIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        String page = mvc.perform(lineForm("/admin/reception/lines/new", "不动产登记", "f1", "09:00"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var document = Jsoup.parse(page);
        assertThat(document.getElementById("prefix-error").text()).isEqualTo("号码前缀为 1–3 个大写字母。");
        assertThat(document.getElementById("prefix").hasClass("is-invalid")).isTrue();
        assertThat(document.getElementById("prefix").attr("aria-describedby")).isEqualTo("prefix-error");
        assertThat(lines.ofHall(hall.hallId)).isEmpty();
    }

    @Test
    void aRefusalOfTheServiceIsShownBesideItsFieldToo() throws Exception {
        long existing = hall.line("综合受理", "A");
        String page = mvc.perform(lineForm("/admin/reception/lines/new", "综合受理", "B", "18:00"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var document = Jsoup.parse(page);
        assertThat(document.getElementById("closesAt-error").text()).isEqualTo("结束时间须晚于开始时间。");
        mvc.perform(lineForm("/admin/reception/lines/" + existing + "/edit", "综合受理", "A", "09:00"))
                .andExpect(status().is3xxRedirection());
        long other = hall.line("社保", "C");
        page = mvc.perform(lineForm("/admin/reception/lines/" + other + "/edit", "综合受理", "C", "09:00"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("name-error").text()).isEqualTo("本大厅已有同名业务。");
    }

    @Test
    void editingALineShowsItsValuesAndUntickingAWindowStopsItServingTheLine() throws Exception {
        long line = hall.line("综合受理", "A");
        long other = hall.line("社保", "C");
        hall.serve(1, other, line).serve(2, line);
        var form = Jsoup.parse(mvc.perform(get("/admin/reception/lines/{id}/edit", line).with(manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.getElementById("name").val()).isEqualTo("综合受理");
        assertThat(form.getElementById("opensAt").val()).isEqualTo("08:30");
        assertThat(form.select("input[name=windowIds][checked]")).hasSize(2);
        mvc.perform(lineForm("/admin/reception/lines/" + line + "/edit", "综合受理", "A", "08:30")
                        .param("windowIds", String.valueOf(hall.window(2))))
                .andExpect(redirectedUrl("/admin/reception?hallId=" + hall.hallId));
        assertThat(lines.allOfWindow(hall.window(1))).as("window 1 keeps its other line").containsExactly(other);
        assertThat(lines.allOfWindow(hall.window(2))).containsExactly(line);
    }

    @Test
    void aManagerSetsTheOrderInWhichAWindowServesItsLines() throws Exception {
        long a = hall.line("综合受理", "A");
        long c = hall.line("社保", "C");
        hall.serve(1, a, c);
        mvc.perform(post("/admin/reception/windows/{id}/lines", hall.window(1)).with(csrf()).with(manager())
                        .param("lineIds", String.valueOf(c), "", String.valueOf(a)))
                .andExpect(redirectedUrl("/admin/reception?hallId=" + hall.hallId));
        assertThat(lines.allOfWindow(hall.window(1))).containsExactly(c, a);
        String page = mvc.perform(post("/admin/reception/windows/{id}/lines", hall.window(1)).with(csrf())
                        .with(manager()).param("lineIds", String.valueOf(a), String.valueOf(a)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("lineIds-error").text()).isEqualTo("同一业务只能设置一次。");
        assertThat(lines.allOfWindow(hall.window(1))).containsExactly(c, a);
    }

    @Test
    void aDeviceIsRegisteredWithItsTokenShownOnceAndRevoked() throws Exception {
        String refused = mvc.perform(post("/admin/reception/devices/new").with(csrf()).with(manager())
                        .param("kind", "EVALUATION_PAD").param("hallId", String.valueOf(hall.hallId))
                        .param("windowId", "").param("name", "评价器"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).getElementById("windowId-error").text())
                .isEqualTo("窗口屏和评价器须指定本大厅的一个窗口。");

        long mark = AuditRecords.head(jdbc);
        String page = mvc.perform(post("/admin/reception/devices/new").with(csrf()).with(manager())
                        .param("kind", "KIOSK").param("hallId", String.valueOf(hall.hallId))
                        .param("windowId", "").param("name", "东门取号机"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        String token = Jsoup.parse(page).getElementById("device-token").text();
        assertThat(page).contains("/devices/kiosk?token=" + token);
        long device = jdbc.sql("select id from rcp_device where hall_id = ? and name = '东门取号机'")
                .param(hall.hallId).query(Long.class).single();
        AuditRecords.assertRecorded(jdbc, mark, "reception.device.registered", "device", device);
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, token)).andExpect(status().isOk());
        mvc.perform(get("/admin/reception").param("hallId", String.valueOf(hall.hallId)).with(manager()))
                .andExpect(content().string(containsString("东门取号机")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));

        mvc.perform(post("/admin/reception/devices/{id}/revoke", device).with(csrf()).with(manager())
                        .param("hallId", String.valueOf(hall.hallId)))
                .andExpect(redirectedUrl("/admin/reception?hallId=" + hall.hallId))
                .andExpect(flash().attribute("flashSuccess", "reception.flash.deviceRevoked"));
        AuditRecords.assertRecorded(jdbc, mark, "reception.device.revoked", "device", device);
        mvc.perform(get("/devices/kiosk").header(DeviceTokenFilter.HEADER, token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theSetUpIsClosedToClerksAndSupervisors() throws Exception {
        mvc.perform(get("/admin/reception").with(user("clerk-test").roles("CLERK")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/reception").with(user("supervisor-test").roles("SUPERVISOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/reception/devices/1/revoke").with(csrf()).with(user("clerk-test").roles("CLERK"))
                        .param("hallId", "1"))
                .andExpect(status().isForbidden());
    }

    private static RequestPostProcessor manager() {
        return user("manager-test").roles("HALL_MANAGER");
    }
}
