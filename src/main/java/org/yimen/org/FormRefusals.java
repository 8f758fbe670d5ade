package org.yimen.org;

import org.springframework.validation.BindingResult;
import org.yimen.shared.Rejected;

/** Runs a change for a page form and turns a refusal into a message beside its field (or above the form). */
final class FormRefusals {

    private FormRefusals() {
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
