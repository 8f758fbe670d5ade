package org.yimen.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yimen.shared.Rejected;

/**
 * API errors as RFC 9457 problem details in the caller's language. A refused request names the field at fault in
 * {@code errors}, so a client can show the message where it belongs.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    /** One field's complaint in a problem detail. */
    record FieldMessage(@Nullable String field, String message) {
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<ProblemDetail> rejected(Rejected rejected, HttpServletRequest request) {
        HttpStatus status = switch (rejected.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        var locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage(rejected, locale);
        var problem = ProblemDetail.forStatusAndDetail(status, text);
        problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", rejected.code());
        if (rejected.field() != null) {
            problem.setProperty("errors", List.of(new FieldMessage(rejected.field(), text)));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** Two requests raced for the same unique value; the loser hears what a pre-check would have told it. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException duplicate, HttpServletRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("error.detail.409", null, locale));
        problem.setTitle(messages.getMessage("error.title.409", null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var problem = ex.getBody();
        problem.setTitle(messages.getMessage("error.title.400", null, "Bad Request", locale));
        problem.setDetail(messages.getMessage("error.detail.invalidFields", null, locale));
        problem.setProperty("errors", ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldMessage(
                        error instanceof org.springframework.validation.FieldError f ? f.getField() : null,
                        messages.getMessage(error, locale)))
                .toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
            var locale = LocaleContextHolder.getLocale();
            problem.setTitle(messages.getMessage("error.title." + statusCode.value(), null, problem.getTitle(),
                    locale));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

}
