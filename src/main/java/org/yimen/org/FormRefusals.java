package org.yimen.org;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.yimen.shared.Rejected;

/** Runs a change for a page form and turns a refusal into a message beside its field (or above the form). */
final class FormRefusals {

    private FormRefusals() {
    }

    /**
     * A refusal no form field shows (an unknown id in the path, say) goes through the servlet error path, so the
     * error page is rendered with the full layout and the right status.
     */
    static void sendError(Rejected rejected, HttpServletResponse response) throws IOException {
        HttpStatus status = switch (rejected.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        response.sendError(status.value());
    }

    /** True if the change was made; false if the form has errors to show. "Not found" is left to the error page. */
    static boolean attempt(BindingResult result, Runnable change) {
        if (result.hasErrors()) {
            return false;
        }
        try {
            change.run();
            return true;
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            if (rejected.field() != null) {
                result.rejectValue(rejected.field(), rejected.code(), rejected.arguments(), rejected.code());
            } else {
                result.reject(rejected.code(), rejected.arguments(), rejected.code());
            }
            return false;
        }
    }
}
