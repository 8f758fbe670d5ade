package org.yimen.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.shared.Rejected;

/** 网上补正 for apps: the same as the supplement page, as JSON; problem details in the caller's language on errors. */
@RestController
@Tag(name = "Online supplement", description = "网上补正: the applicant of an online case uploads the materials its"
        + " latest one-time notice asked for, proving the phone given in the application with an SMS code. No"
        + " sign-in; limited per client address and per case number (429).")
class SupplementApi {

    private final OnlineSupplements supplements;
    private final MessageSource messages;

    SupplementApi(OnlineSupplements supplements, MessageSource messages) {
        this.supplements = supplements;
        this.messages = messages;
    }

    /** The case number and the mobile number given in the application. */
    record CodeRequest(@Nullable String caseNumber, @Nullable String phone) {
    }

    /** One uploaded file for a material of the notice; the content is sent base64-encoded. */
    record FileUpload(@Schema(description = "the material's name as the notice gives it") @Nullable String material,
            @Nullable String fileName,
            @Schema(description = "PDF, JPEG or PNG, base64-encoded; judged by its content") byte @Nullable [] content) {
    }

    /** The proof of the phone with the files. */
    record SupplementRequest(@Nullable String caseNumber, @Nullable String phone, @Nullable String smsCode,
            @Nullable List<FileUpload> files) {
    }

    /** The case after the upload: back with the office to examine, and which submission round this was. */
    record SupplementResponse(String caseNumber, CaseState state, String stateText, int round, boolean thirdRound,
            List<String> received) {
    }

    @PostMapping("/api/apply/supplement/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an SMS code to the phone given in the application",
            description = "Answers 202 alike whether or not the case exists and the phone is its own; a code is sent"
                    + " only when they belong together.")
    void sendCode(@RequestBody CodeRequest request, HttpServletRequest http) {
        supplements.sendCode(request.caseNumber(), request.phone(), http.getRemoteAddr());
    }

    @PostMapping("/api/apply/supplement")
    @Operation(summary = "Upload the materials the latest one-time notice asked for",
            description = "Each file names a material of the latest notice not yet received. The files are checked"
                    + " first (a bad file does not use up the code); then 400 alike for an unknown case number, a"
                    + " phone that is not the case's and a wrong, expired or used code. 409 for a case applied for"
                    + " at a window or not waiting for materials. The case goes back to the office to examine.")
    @ApiResponse(responseCode = "200", description = "received; the case is SUBMITTED again")
    @ApiResponse(responseCode = "400", description = "problem details naming the field")
    SupplementResponse supplement(@RequestBody SupplementRequest request, HttpServletRequest http) {
        List<CaseFiles.Upload> uploads = request.files() == null ? List.of() : request.files().stream()
                .map(SupplementApi::upload).toList();
        Case c = supplements.supplement(request.caseNumber(), request.phone(), request.smsCode(), uploads,
                http.getRemoteAddr());
        return new SupplementResponse(c.number(), c.state(), messages.getMessage("cases.progress.state."
                + c.state(), null, LocaleContextHolder.getLocale()), c.visits(), c.thirdVisit(),
                c.materials().stream().filter(CaseMaterial::received).map(CaseMaterial::name).toList());
    }

    private static CaseFiles.Upload upload(@Nullable FileUpload file) {
        if (file == null || file.material() == null || file.material().isBlank()) {
            throw Rejected.invalid("files", "cases.supplement.materialRequired");
        }
        return new CaseFiles.Upload(file.material().strip(), file.fileName() == null ? "file" : file.fileName(),
                file.content() == null ? new byte[0] : file.content());
    }
}
