package org.yimen.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A request the domain refuses for a reason the user can act on. The message is a bundle key, so the edge can say it
 * in the user's language; {@code field} names the form field at fault, if any. Pages show it beside the field, the API
 * answers 400 (409 for {@link Kind#CONFLICT}, 404, 429) with a problem detail. A {@code MessageSource} resolves it
 * directly ({@code messages.getMessage(rejected, locale)}); a key missing from the bundles shows as itself.
 */
public class Rejected extends RuntimeException implements MessageSourceResolvable {

    /** What kind of refusal, which decides the HTTP status at the edge. */
    public enum Kind {
        INVALID, CONFLICT, NOT_FOUND, TOO_MANY_REQUESTS,
        /** Signed in, but not the one who may do this (answered 403). */
        FORBIDDEN
    }

    /**
     * Request attribute under which a refusal travels to the error page when it is answered with
     * {@code sendError} (from a filter, or from a page controller that could not show it beside a field).
     */
    public static final String REQUEST_ATTRIBUTE = Rejected.class.getName();

    private final Kind kind;
    private final String code;
    private final @Nullable String field;
    private final Object[] arguments;

    public Rejected(Kind kind, String code, @Nullable String field, Object... arguments) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public static Rejected invalid(String field, String code, Object... arguments) {
        return new Rejected(Kind.INVALID, code, field, arguments);
    }

    public static Rejected conflict(@Nullable String field, String code, Object... arguments) {
        return new Rejected(Kind.CONFLICT, code, field, arguments);
    }

    /** Refused because the caller sent too many requests (answered 429). */
    public static Rejected tooMany(String code, Object... arguments) {
        return new Rejected(Kind.TOO_MANY_REQUESTS, code, null, arguments);
    }

    /** Refused because this member of staff may not do it, with the reason (answered 403). */
    public static Rejected forbidden(String code, Object... arguments) {
        return new Rejected(Kind.FORBIDDEN, code, null, arguments);
    }

    public static Rejected notFound(String code, Object... arguments) {
        return new Rejected(Kind.NOT_FOUND, code, null, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments();
    }

    @Override
    public String getDefaultMessage() {
        return code;
    }
}
