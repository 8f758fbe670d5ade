package org.yimen.shared;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * Refusals shown on the page form that caused them: beside the field they name, or above the form when they name
 * none or one the form does not have. "Not found" is not a form error and is left to the error page.
 */
public final class FormRefusals {

    private FormRefusals() {
    }

    /** Runs a change for a form: true if it was made, false if the form has errors to show. */
    public static boolean attempt(BindingResult result, Runnable change) {
        return attempt(result, Map.of(), change);
    }

    /**
     * As {@link #attempt(BindingResult, Runnable)}, for a form that calls some fields otherwise than the refusals do:
     * {@code renamed} maps a refusal's field to the form's.
     */
    public static boolean attempt(BindingResult result, Map<String, String> renamed, Runnable change) {
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
            String field = rejected.field();
            show(result, field == null ? null : renamed.getOrDefault(field, field), rejected.code(),
                    rejected.arguments());
            return false;
        }
    }

    /** Shows one message beside {@code field} (a property path such as {@code stages[1].kind}), or above the form. */
    public static void show(BindingResult result, @Nullable String field, String code, Object[] arguments) {
        if (field != null && isField(result, field)) {
            result.rejectValue(field, code, arguments, code);
        } else {
            result.reject(code, arguments, code);
        }
    }

    private static boolean isField(BindingResult result, String path) {
        Object target = result.getTarget();
        if (target == null || !target.getClass().isRecord()) {
            return target != null;
        }
        String root = path.split("[.\\[]", 2)[0];
        return Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(root));
    }
}
