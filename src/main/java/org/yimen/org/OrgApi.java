package org.yimen.org;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.privacy.Purpose;
import org.yimen.shared.Rejected;
import org.yimen.shared.SensitiveAction;

/**
 * The organisation over HTTP. Any signed-in member of staff reads; administrators and hall managers change; everyone
 * records and cancels their own absences. Phones are always masked; administrators and hall managers may reveal a
 * staff phone in full by stating why, and the read is audited.
 */
@RestController
@RequestMapping("/api/org")
@Tag(name = "Organisation", description = "Departments, halls, windows, staff, A/B posts (AB岗) and absences")
class OrgApi {

    static final String MANAGERS = "hasAnyRole('ADMIN', 'HALL_MANAGER')";

    private final JdbcOrganisation organisation;
    private final OrgAdministration administration;
    private final OrgViews views;
    private final ActingOfficers acting;
    private final StaffPhones phones;

    OrgApi(JdbcOrganisation organisation, OrgAdministration administration, OrgViews views, ActingOfficers acting,
            StaffPhones phones) {
        this.organisation = organisation;
        this.administration = administration;
        this.views = views;
        this.acting = acting;
        this.phones = phones;
    }

    /** Why the caller needs a full value (查看目的); it goes into the audit trail with the read. */
    record RevealRequest(@NotBlank(message = "{privacy.purpose.length}")
            @Size(min = Purpose.MIN_LENGTH, max = Purpose.MAX_LENGTH, message = "{privacy.purpose.length}")
            @Nullable String purpose) {
    }

    /** A full phone number, revealed to someone whose role needs it. */
    record RevealedPhone(String phone) {
    }

    // Departments

    @GetMapping("/departments")
    @Operation(summary = "List departments")
    List<Department> departments() {
        return organisation.departments();
    }

    @GetMapping("/departments/{id}")
    @Operation(summary = "One department")
    Department department(@PathVariable long id) {
        return organisation.department(id).orElseThrow(() -> Rejected.notFound("org.department.notFound", id));
    }

    @PostMapping("/departments")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a department; its code and name are unique")
    ResponseEntity<Department> createDepartment(@Valid @RequestBody DepartmentForm form) {
        long id = administration.createDepartment(form);
        return created("/api/org/departments/" + id, department(id));
    }

    @PutMapping("/departments/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a department (a blank phone keeps the stored one)")
    Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form) {
        administration.updateDepartment(id, form);
        return department(id);
    }

    @DeleteMapping("/departments/{id}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a department nothing refers to")
    void deleteDepartment(@PathVariable long id) {
        administration.deleteDepartment(id);
    }

    // Halls

    @GetMapping("/halls")
    @Operation(summary = "List halls")
    List<Hall> halls() {
        return organisation.halls();
    }

    @GetMapping("/halls/{id}")
    @Operation(summary = "One hall")
    Hall hall(@PathVariable long id) {
        return organisation.hall(id).orElseThrow(() -> Rejected.notFound("org.hall.notFound", id));
    }

    @PostMapping("/halls")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a hall")
    ResponseEntity<Hall> createHall(@Valid @RequestBody HallForm form) {
        long id = administration.createHall(form);
        return created("/api/org/halls/" + id, hall(id));
    }

    @PutMapping("/halls/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a hall (a blank phone keeps the stored one)")
    Hall updateHall(@PathVariable long id, @Valid @RequestBody HallForm form) {
        administration.updateHall(id, form);
        return hall(id);
    }

    @DeleteMapping("/halls/{id}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a hall without windows")
    void deleteHall(@PathVariable long id) {
        administration.deleteHall(id);
    }

    // Windows

    @GetMapping("/windows")
    @Operation(summary = "List windows, optionally of one hall")
    List<ServiceWindow> windows(@RequestParam(required = false) @Nullable Long hallId) {
        return organisation.windows(hallId);
    }

    @GetMapping("/windows/{id}")
    @Operation(summary = "One window")
    ServiceWindow window(@PathVariable long id) {
        return organisation.window(id).orElseThrow(() -> Rejected.notFound("org.window.notFound", id));
    }

    @PostMapping("/windows")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a window; its number is unique within its hall")
    ResponseEntity<ServiceWindow> createWindow(@Valid @RequestBody WindowForm form) {
        long id = administration.createWindow(form);
        return created("/api/org/windows/" + id, window(id));
    }

    @PutMapping("/windows/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a window")
    ServiceWindow updateWindow(@PathVariable long id, @Valid @RequestBody WindowForm form) {
        administration.updateWindow(id, form);
        return window(id);
    }

    @DeleteMapping("/windows/{id}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a window no post refers to")
    void deleteWindow(@PathVariable long id) {
        administration.deleteWindow(id);
    }

    // Staff

    @GetMapping("/staff")
    @Operation(summary = "List staff (phones masked)")
    List<StaffSummary> staff() {
        return organisation.staff();
    }

    @GetMapping("/staff/{id}")
    @Operation(summary = "One member of staff (phone masked)")
    StaffSummary staffMember(@PathVariable long id) {
        return organisation.staff(id).orElseThrow(() -> Rejected.notFound("org.staff.notFound", id));
    }

    @PostMapping("/staff")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a member of staff; they cannot sign in until a password is set")
    ResponseEntity<StaffSummary> createStaff(@Valid @RequestBody StaffForm form) {
        long id = administration.createStaff(form, OrgAdministration.unusablePassword());
        return created("/api/org/staff/" + id, staffMember(id));
    }

    @PutMapping("/staff/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a member of staff (a blank phone keeps the stored one)")
    StaffSummary updateStaff(@PathVariable long id, @Valid @RequestBody StaffForm form) {
        administration.updateStaff(id, form);
        return staffMember(id);
    }

    @PostMapping("/staff/{id}/phone/reveal")
    @PreAuthorize(MANAGERS)
    @SensitiveAction
    @Operation(summary = "The full phone of a member of staff, for a stated purpose (2 to 200 characters); the read "
            + "is recorded in the audit trail with that purpose. A session older than five minutes is answered 401;"
            + " HTTP Basic carries the password with the call and always passes.")
    RevealedPhone revealPhone(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
        return new RevealedPhone(phones.reveal(id, new Purpose(request.purpose())));
    }

    @DeleteMapping("/staff/{id}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a member of staff nothing refers to (otherwise deactivate them)")
    void deleteStaff(@PathVariable long id) {
        administration.deleteStaff(id);
    }

    // Posts

    @GetMapping("/posts")
    @Operation(summary = "List A/B posts with who acts now")
    List<OrgViews.PostView> posts() {
        return views.posts();
    }

    @GetMapping("/posts/{id}")
    @Operation(summary = "One A/B post with who acts now")
    OrgViews.PostView post(@PathVariable long id) {
        return views.post(id).orElseThrow(() -> Rejected.notFound("org.post.notFound", id));
    }

    @PostMapping("/posts")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create an A/B post: two different active officers")
    ResponseEntity<OrgViews.PostView> createPost(@Valid @RequestBody PostForm form) {
        long id = administration.createPost(form);
        return created("/api/org/posts/" + id, post(id));
    }

    @PutMapping("/posts/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change an A/B post")
    OrgViews.PostView updatePost(@PathVariable long id, @Valid @RequestBody PostForm form) {
        administration.updatePost(id, form);
        return post(id);
    }

    @DeleteMapping("/posts/{id}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an A/B post and its switch history")
    void deletePost(@PathVariable long id) {
        administration.deletePost(id);
    }

    @GetMapping("/posts/{id}/acting")
    @Operation(summary = "Who acts for the post now: A, B when A is absent, the department head when both are")
    ActingOfficer actingOfficer(@PathVariable long id) {
        return acting.actingOfficer(id);
    }

    @GetMapping("/posts/{id}/switches")
    @Operation(summary = "Every change of the acting officer of the post, latest first")
    List<ActingOfficers.Switch> switches(@PathVariable long id) {
        post(id);
        return acting.switches(id);
    }

    // Absences

    @GetMapping("/absences")
    @Operation(summary = "Absences not yet over, and those of the last week")
    List<OrgViews.AbsenceView> absences() {
        return views.recentAbsences();
    }

    @GetMapping("/staff/{id}/absences")
    @Operation(summary = "A member of staff's absences")
    List<OrgViews.AbsenceView> absencesOf(@PathVariable long id) {
        staffMember(id);
        return views.absencesOf(id);
    }

    @PostMapping("/staff/{id}/absences")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Record an absence for a member of staff (times local to the hall, end exclusive)")
    ResponseEntity<OrgViews.AbsenceView> recordAbsence(@PathVariable long id, @Valid @RequestBody AbsenceForm form,
            Authentication user) {
        long absenceId = administration.recordAbsence(id, form, user.getName());
        return created("/api/org/staff/" + id + "/absences/" + absenceId, absence(id, absenceId));
    }

    @DeleteMapping("/staff/{id}/absences/{absenceId}")
    @PreAuthorize(MANAGERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel an absence")
    void cancelAbsence(@PathVariable long id, @PathVariable long absenceId) {
        administration.cancelAbsence(id, absenceId);
    }

    @GetMapping("/me/absences")
    @Operation(summary = "The signed-in member of staff's absences")
    List<OrgViews.AbsenceView> myAbsences(Authentication user) {
        return views.absencesOf(me(user));
    }

    @PostMapping("/me/absences")
    @Operation(summary = "Mark yourself absent (times local to the hall, end exclusive)")
    ResponseEntity<OrgViews.AbsenceView> recordMyAbsence(@Valid @RequestBody AbsenceForm form, Authentication user) {
        long staffId = me(user);
        long absenceId = administration.recordAbsence(staffId, form, user.getName());
        return created("/api/org/me/absences/" + absenceId, absence(staffId, absenceId));
    }

    @DeleteMapping("/me/absences/{absenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel one of your absences")
    void cancelMyAbsence(@PathVariable long absenceId, Authentication user) {
        administration.cancelAbsence(me(user), absenceId);
    }

    private long me(Authentication user) {
        return organisation.staffByUsername(user.getName()).map(StaffSummary::id)
                .orElseThrow(() -> Rejected.notFound("org.me.notStaff"));
    }

    private OrgViews.AbsenceView absence(long staffId, long absenceId) {
        return views.absencesOf(staffId).stream().filter(a -> a.id() == absenceId).findFirst()
                .orElseThrow(() -> Rejected.notFound("org.absence.notFound", absenceId));
    }

    private static <T> ResponseEntity<T> created(String location, T body) {
        return ResponseEntity.created(URI.create(location)).body(body);
    }
}
