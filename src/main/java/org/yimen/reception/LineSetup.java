package org.yimen.reception;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;

/**
 * Setting a hall's reception up from its pages: a line, its appointment places and the windows serving it are saved
 * together (all or nothing), each part recorded in the audit trail as the API records it; and what the overview
 * shows.
 */
@Service
@Transactional
class LineSetup {

    /** A line on the overview, with its appointment places and the numbers of the windows serving it. */
    record LineRow(ServiceLine line, int appointmentCapacity, int appointmentSlotMinutes, List<Integer> windows) {
    }

    /** A window on the overview, with the lines it serves in order (prefixes). */
    record WindowRow(ServiceWindow window, List<String> lines) {
    }

    /** A device on the overview, with its window's number. */
    record DeviceRow(Devices.Listed device, @Nullable Integer windowNumber) {
    }

    private record Offered(int capacity, int slotMinutes) {
    }

    private final JdbcClient jdbc;
    private final ServiceLines lines;
    private final Appointments appointments;
    private final Devices devices;
    private final ReceptionHalls halls;
    private final Organisation organisation;

    LineSetup(JdbcClient jdbc, ServiceLines lines, Appointments appointments, Devices devices, ReceptionHalls halls,
            Organisation organisation) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.appointments = appointments;
        this.devices = devices;
        this.halls = halls;
        this.organisation = organisation;
    }

    long create(LineSettingsForm form) {
        long id = lines.create(form.line());
        offer(id, form);
        lines.servedBy(id, form.windows());
        return id;
    }

    void update(long id, LineSettingsForm form) {
        lines.update(id, form.line());
        offer(id, form);
        lines.servedBy(id, form.windows());
    }

    /** Changes the appointment places only when they change, so that saving the line alone records nothing more. */
    private void offer(long id, LineSettingsForm form) {
        int capacity = Objects.requireNonNull(form.appointmentCapacity());
        int slotMinutes = Objects.requireNonNull(form.appointmentSlotMinutes());
        if (!offered(id).equals(new Offered(capacity, slotMinutes))) {
            appointments.offer(id, capacity, slotMinutes);
        }
    }

    @Transactional(readOnly = true)
    LineSettingsForm form(long id) {
        ServiceLine line = lines.require(id);
        Offered offered = offered(id);
        return LineSettingsForm.of(line, offered.capacity(), offered.slotMinutes(), lines.windowsOf(id));
    }

    @Transactional(readOnly = true)
    List<LineRow> lineRows(long hallId) {
        Map<Long, Integer> numbers = windowNumbers(hallId);
        return lines.ofHall(hallId).stream().map(line -> {
            Offered offered = offered(line.id());
            return new LineRow(line, offered.capacity(), offered.slotMinutes(), lines.windowsOf(line.id()).stream()
                    .map(numbers::get).filter(Objects::nonNull).sorted().toList());
        }).toList();
    }

    @Transactional(readOnly = true)
    List<WindowRow> windowRows(long hallId) {
        Map<Long, String> prefixes = lines.ofHall(hallId).stream()
                .collect(Collectors.toMap(ServiceLine::id, ServiceLine::prefix));
        return halls.allWindowsOf(hallId).stream()
                .map(w -> new WindowRow(w, lines.allOfWindow(w.id()).stream().map(prefixes::get)
                        .filter(Objects::nonNull).toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<DeviceRow> deviceRows(long hallId) {
        Map<Long, Integer> numbers = windowNumbers(hallId);
        return devices.ofHall(hallId).stream()
                .map(d -> new DeviceRow(d, d.windowId() == null ? null : numbers.get(d.windowId())))
                .toList();
    }

    /** The hall's window that a form names, or nothing if it is not of this hall. */
    @Transactional(readOnly = true)
    @Nullable ServiceWindow window(long windowId) {
        return organisation.window(windowId).orElse(null);
    }

    private Map<Long, Integer> windowNumbers(long hallId) {
        return halls.allWindowsOf(hallId).stream()
                .collect(Collectors.toMap(ServiceWindow::id, ServiceWindow::number));
    }

    private Offered offered(long lineId) {
        return jdbc.sql("select appointment_capacity, appointment_slot_minutes from rcp_line where id = ?")
                .param(lineId).query((rs, row) -> new Offered(rs.getInt(1), rs.getInt(2))).single();
    }
}
