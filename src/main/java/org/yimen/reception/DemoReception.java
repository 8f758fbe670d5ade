package org.yimen.reception;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;

/**
 * Demo reception (only with {@code yimen.demo=true}), after the demo organisation: five lines for the demo hall
 * (综合受理 A, 公安出入境 B, 社保 C, 税务 D, and 绿色通道 G that only reception staff issue to), every window serving
 * one or two of them, and one device per kind (the pad at window 1) with the fixed tokens the README lists. Created once, under an advisory
 * lock, so nodes starting together do it once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoReception implements ApplicationRunner {

    static final long LOCK_KEY = 0x7263_7064_656d_6fL;
    static final String KIOSK_TOKEN = "demo-kiosk";
    static final String HALL_DISPLAY_TOKEN = "demo-hall-display";
    static final String WINDOW_DISPLAY_TOKEN = "demo-window-1";
    static final String PAD_TOKEN = "demo-pad-1";

    private static final Logger log = LoggerFactory.getLogger(DemoReception.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ServiceLines lines;
    private final Devices devices;
    private final Appointments appointments;
    private final Organisation organisation;
    private final boolean demo;

    DemoReception(JdbcClient jdbc, TransactionTemplate transaction, ServiceLines lines, Devices devices,
            Appointments appointments, Organisation organisation, @Value("${yimen.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.lines = lines;
        this.devices = devices;
        this.appointments = appointments;
        this.organisation = organisation;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        var hall = organisation.hallByCode("GZZWFW");
        if (hall.isEmpty()) {
            return;
        }
        long hallId = hall.get().id();
        Boolean created = transaction.execute(status -> {
            jdbc.sql("select 1 from pg_advisory_xact_lock(?)").param(LOCK_KEY).query(Integer.class).single();
            if (jdbc.sql("select exists (select 1 from rcp_line where hall_id = ?)").param(hallId)
                    .query(Boolean.class).single()) {
                return false;
            }
            create(hallId);
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            log.info("Created demo reception: 5 service lines and 4 devices in hall GZZWFW");
        }
        log.info("Demo devices (demo mode only): kiosk /devices/kiosk?token={}, hall board /devices/hall?token={},"
                + " window 1 screen /devices/window?token={}, window 1 pad /devices/pad?token={}", KIOSK_TOKEN,
                HALL_DISPLAY_TOKEN, WINDOW_DISPLAY_TOKEN, PAD_TOKEN);
    }

    private void create(long hallId) {
        // Open all day on working days, so the demo works whenever someone tries it; real lines keep office hours.
        LocalTime opens = LocalTime.of(0, 0);
        LocalTime closes = LocalTime.of(23, 59);
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("A", lines.create(new LineForm(hallId, "综合受理", "A", List.of(), opens, closes, 500, 8, true, true)));
        // The specialised lines cover items of the demo catalog, so the kiosk shows their materials before the
        // ticket and the appointment page books them by item.
        ids.put("B", lines.create(new LineForm(hallId, "公安出入境", "B",
                List.of("GAT-CRJ-001", "GAT-CRJ-002", "GAT-HZ-003", "GAT-HZ-005"), opens, closes, 300, 10, true,
                true)));
        ids.put("C", lines.create(new LineForm(hallId, "社保", "C", List.of("RST-DJ-001", "RST-JF-002", "RST-FW-003"),
                opens, closes, 300, 6, true, true)));
        ids.put("D", lines.create(new LineForm(hallId, "税务", "D", List.of("DSJ-XK-001", "DSJ-HZ-002", "DSJ-FW-003"),
                opens, closes, 300, 8, true, true)));
        ids.put("G", lines.create(new LineForm(hallId, "绿色通道", "G", List.of(), opens, closes, 100, 8, false,
                true)));
        // Appointments (预约) for the general and the social-insurance lines: four places an hour.
        appointments.offer(ids.get("A"), 4, 60);
        appointments.offer(ids.get("C"), 4, 60);
        for (int number = 1; number <= 15; number++) {
            var window = organisation.window(hallId, number);
            if (window.isEmpty()) {
                continue;
            }
            List<Long> served = new ArrayList<>();
            switch (number) {
                case 1 -> served.addAll(List.of(ids.get("G"), ids.get("A")));
                case 3, 4 -> served.addAll(List.of(ids.get("B"), ids.get("A")));
                case 7, 8 -> served.addAll(List.of(ids.get("C"), ids.get("A")));
                case 9, 10 -> served.addAll(List.of(ids.get("D"), ids.get("A")));
                case 15 -> served.add(ids.get("G"));
                default -> served.add(ids.get("A"));
            }
            lines.assign(window.get().id(), served);
        }
        devices.register(DeviceKind.KIOSK, hallId, null, "大厅入口取号机", KIOSK_TOKEN);
        devices.register(DeviceKind.HALL_DISPLAY, hallId, null, "大厅综合屏", HALL_DISPLAY_TOKEN);
        long windowOne = organisation.window(hallId, 1).map(ServiceWindow::id).orElseThrow();
        devices.register(DeviceKind.WINDOW_DISPLAY, hallId, windowOne, "1 号窗口屏", WINDOW_DISPLAY_TOKEN);
        devices.register(DeviceKind.EVALUATION_PAD, hallId, windowOne, "1 号窗口评价器", PAD_TOKEN);
    }
}
