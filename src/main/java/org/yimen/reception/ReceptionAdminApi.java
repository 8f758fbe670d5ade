package org.yimen.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hall managers set up reception: service lines, which windows serve them in which order, and devices. */
@RestController
@RequestMapping("/api/admin/reception")
@PreAuthorize("hasAnyRole('ADMIN', 'HALL_MANAGER')")
@Tag(name = "Reception administration", description = "Service lines (业务类别), windows serving them, kiosks and"
        + " displays with their device tokens")
class ReceptionAdminApi {

    /** Register a device; a window display names its window. */
    record DeviceRequest(@NotNull @Nullable DeviceKind kind, @NotNull @Nullable Long hallId, @Nullable Long windowId,
            @NotNull @Size(max = 100) @Nullable String name) {
    }

    /** A registered device and its token, shown this once. */
    record DeviceToken(long id, DeviceKind kind, long hallId, @Nullable Long windowId, String name, String token) {
    }

    private final ServiceLines lines;
    private final Devices devices;
    private final Appointments appointments;

    ReceptionAdminApi(ServiceLines lines, Devices devices, Appointments appointments) {
        this.lines = lines;
        this.devices = devices;
        this.appointments = appointments;
    }

    /** Places per slot (0: no appointments) and slot length in minutes (60 when left out). */
    record AppointmentOffer(@NotNull @Nullable Integer capacity, @Nullable Integer slotMinutes) {
    }

    @GetMapping("/halls/{hallId}/lines")
    @Operation(summary = "A hall's service lines")
    List<ServiceLine> lines(@PathVariable long hallId) {
        return lines.ofHall(hallId);
    }

    @PostMapping("/lines")
    @Operation(summary = "Create a service line")
    ResponseEntity<ServiceLine> create(@Valid @RequestBody LineForm form) {
        long id = lines.create(form);
        return ResponseEntity.created(URI.create("/api/admin/reception/lines/" + id)).body(lines.require(id));
    }

    @PutMapping("/lines/{id}")
    @Operation(summary = "Change a service line")
    ServiceLine update(@PathVariable long id, @Valid @RequestBody LineForm form) {
        lines.update(id, form);
        return lines.require(id);
    }

    @PutMapping("/lines/{id}/appointments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "How many appointments each slot of a line takes (0: none) and how long a slot is")
    void offerAppointments(@PathVariable long id, @Valid @RequestBody AppointmentOffer offer) {
        appointments.offer(id, offer.capacity() == null ? 0 : offer.capacity(),
                offer.slotMinutes() == null ? 60 : offer.slotMinutes());
    }

    @PutMapping("/windows/{windowId}/lines")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The lines a window serves, in the order it serves them")
    void assign(@PathVariable long windowId, @RequestBody List<Long> lineIds) {
        lines.assign(windowId, lineIds);
    }

    @GetMapping("/halls/{hallId}/devices")
    @Operation(summary = "A hall's devices (never their tokens)")
    List<Devices.Listed> devices(@PathVariable long hallId) {
        return devices.ofHall(hallId);
    }

    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a kiosk or display", description = "The answer holds the device's token; it is"
            + " stored only as a hash and cannot be shown again. Open the screen once with ?token=… to sign it in.")
    DeviceToken register(@Valid @RequestBody DeviceRequest request) {
        var registered = devices.register(request.kind(), request.hallId(), request.windowId(), request.name());
        var device = registered.device();
        return new DeviceToken(device.id(), device.kind(), device.hallId(), device.windowId(), device.name(),
                registered.token());
    }

    @PostMapping("/devices/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a device's token: its next request gets 401")
    void revoke(@PathVariable long id) {
        devices.revoke(id);
    }
}
