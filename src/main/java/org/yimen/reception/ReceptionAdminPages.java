package org.yimen.reception;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.org.Hall;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.Rejected;

/**
 * The hall manager's reception set-up (取号设置): one overview per hall (service lines, windows with the lines they
 * serve in order, devices) and a form per kind of change, each posting back and redirecting with a flash message.
 * A device's token is shown once, on the answer to its registration, and never again.
 */
@Controller
@RequestMapping("/admin/reception")
@PreAuthorize("hasAnyRole('ADMIN', 'HALL_MANAGER')")
class ReceptionAdminPages {

    private final LineSetup setup;
    private final ServiceLines lines;
    private final Devices devices;
    private final ReceptionHalls halls;
    private final Clock clock;

    ReceptionAdminPages(LineSetup setup, ServiceLines lines, Devices devices, ReceptionHalls halls, Clock clock) {
        this.setup = setup;
        this.lines = lines;
        this.devices = devices;
        this.halls = halls;
        this.clock = clock;
    }

    @GetMapping
    String overview(@RequestParam(required = false) @Nullable Long hallId, Model model) {
        List<Hall> all = halls.all();
        Hall hall = hallId == null ? (all.isEmpty() ? null : all.getFirst())
                : all.stream().filter(h -> h.id() == hallId).findFirst()
                        .orElseThrow(() -> Rejected.notFound("reception.hall.notFound"));
        model.addAttribute("halls", all);
        model.addAttribute("hall", hall);
        model.addAttribute("zone", clock.getZone());
        if (hall != null) {
            model.addAttribute("lines", setup.lineRows(hall.id()));
            model.addAttribute("windows", setup.windowRows(hall.id()));
            model.addAttribute("devices", setup.deviceRows(hall.id()));
        }
        return "reception/admin";
    }

    // Service lines

    @GetMapping("/lines/new")
    String initCreateLine(@RequestParam long hallId, Model model) {
        return lineForm(model.addAttribute("form", LineSettingsForm.empty(hallId)), null, hallId);
    }

    @PostMapping("/lines/new")
    String processCreateLine(@Valid @ModelAttribute("form") LineSettingsForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, RENAMED, () -> setup.create(form))) {
            return saved(redirect, "reception.flash.lineCreated", form.hallId());
        }
        return lineForm(model, null, form.hallId());
    }

    @GetMapping("/lines/{id}/edit")
    String initUpdateLine(@PathVariable long id, Model model) {
        var form = setup.form(id);
        return lineForm(model.addAttribute("form", form), id, form.hallId());
    }

    @PostMapping("/lines/{id}/edit")
    String processUpdateLine(@PathVariable long id, @Valid @ModelAttribute("form") LineSettingsForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (FormRefusals.attempt(result, RENAMED, () -> setup.update(id, form))) {
            return saved(redirect, "reception.flash.lineSaved", form.hallId());
        }
        return lineForm(model, id, lines.require(id).hallId());
    }

    /** Refusals of the services that name a field the page form calls otherwise. */
    private static final Map<String, String> RENAMED = Map.of("capacity", "appointmentCapacity", "slotMinutes",
            "appointmentSlotMinutes", "lineIds", "windowIds");

    private String lineForm(Model model, @Nullable Long id, @Nullable Long hallId) {
        Hall hall = hall(hallId);
        model.addAttribute("id", id);
        model.addAttribute("hall", hall);
        model.addAttribute("windowChoices", halls.allWindowsOf(hall.id()));
        return "reception/admin-line";
    }

    // The lines a window serves, in order

    @GetMapping("/windows/{windowId}/lines")
    String initWindowLines(@PathVariable long windowId, Model model) {
        var current = new ArrayList<@Nullable Long>(lines.allOfWindow(windowId));
        model.addAttribute("form", new WindowLinesForm(current));
        return windowLinesForm(model, windowId);
    }

    @PostMapping("/windows/{windowId}/lines")
    String processWindowLines(@PathVariable long windowId, @Valid @ModelAttribute("form") WindowLinesForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        ServiceWindow window = window(windowId);
        if (FormRefusals.attempt(result, () -> lines.assign(windowId, form.chosen()))) {
            return saved(redirect, "reception.flash.windowLinesSaved", window.hallId());
        }
        return windowLinesForm(model, windowId);
    }

    private String windowLinesForm(Model model, long windowId) {
        ServiceWindow window = window(windowId);
        var hallLines = lines.ofHall(window.hallId());
        model.addAttribute("window", window);
        model.addAttribute("hall", hall(window.hallId()));
        model.addAttribute("lineChoices", hallLines);
        model.addAttribute("places", java.util.stream.IntStream.range(0, hallLines.size()).boxed().toList());
        return "reception/admin-window-lines";
    }

    // Devices

    @GetMapping("/devices/new")
    String initRegisterDevice(@RequestParam long hallId, Model model) {
        return deviceForm(model.addAttribute("form", DeviceForm.empty(hallId)), hallId);
    }

    /**
     * Registers the device and answers with its token on this page, not through a redirect: a flash attribute would
     * keep the token in the session table, and only its hash may be stored.
     */
    @PostMapping("/devices/new")
    String processRegisterDevice(@Valid @ModelAttribute("form") DeviceForm form, BindingResult result, Model model,
            HttpServletResponse response) {
        var registered = new Devices.Registered[1];
        if (FormRefusals.attempt(result, () -> registered[0] = devices.register(
                Objects.requireNonNull(form.kind()), Objects.requireNonNull(form.hallId()), form.windowId(),
                Objects.requireNonNull(form.name())))) {
            response.setHeader("Cache-Control", "no-store");
            var device = registered[0].device();
            model.addAttribute("device", device);
            model.addAttribute("hall", hall(device.hallId()));
            model.addAttribute("token", registered[0].token());
            model.addAttribute("page", "/devices/" + device.kind().page());
            model.addAttribute("window", device.windowId() == null ? null : window(device.windowId()));
            return "reception/admin-device-token";
        }
        return deviceForm(model, form.hallId());
    }

    @PostMapping("/devices/{id}/revoke")
    String revokeDevice(@PathVariable long id, @RequestParam long hallId, RedirectAttributes redirect) {
        devices.revoke(id);
        return saved(redirect, "reception.flash.deviceRevoked", hallId);
    }

    private String deviceForm(Model model, @Nullable Long hallId) {
        Hall hall = hall(hallId);
        model.addAttribute("hall", hall);
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("windowChoices", halls.allWindowsOf(hall.id()));
        return "reception/admin-device";
    }

    // Helpers

    private Hall hall(@Nullable Long hallId) {
        return halls.all().stream().filter(h -> hallId != null && h.id() == hallId).findFirst()
                .orElseThrow(() -> Rejected.notFound("reception.hall.notFound"));
    }

    private ServiceWindow window(long windowId) {
        var window = setup.window(windowId);
        if (window == null) {
            throw Rejected.notFound("reception.window.notFound");
        }
        return window;
    }

    private static String saved(RedirectAttributes redirect, String messageKey, @Nullable Long hallId) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        return "redirect:/admin/reception" + (hallId == null ? "" : "?hallId=" + hallId);
    }
}
