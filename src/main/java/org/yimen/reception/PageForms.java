package org.yimen.reception;

import java.util.Map;
import org.springframework.validation.BindingResult;
import org.yimen.shared.Rejected;

/** Runs a change for a page form and turns a refusal into a message beside its field (or above the form). */
final class PageForms {

    private PageForms() {
    }

    /**
     * True if the change was made; false if the form has errors to show. A refusal naming a field the form calls
     * otherwise is put beside the form's field ({@code renamed}); "not found" is left to the error page.
     */
    static boolean attempt(BindingResult result, Map<String, String> renamed, Runnable change) {
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
            String field = rejected.field() == null ? null : renamed.getOrDefault(rejected.field(), rejected.field());
            if (field != null && isField(result, field)) {
                result.rejectValue(field, rejected.code(), rejected.arguments(), rejected.code());
            } else {
                result.reject(rejected.code(), rejected.arguments(), rejected.code());
            }
            return false;
        }
    }

    private static boolean isField(BindingResult result, String field) {
        Object target = result.getTarget();
        return target != null && target.getClass().isRecord() && java.util.Arrays
                .stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(field));
    }
}
