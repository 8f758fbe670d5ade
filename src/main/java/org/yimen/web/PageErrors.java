package org.yimen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yimen.shared.Rejected;

/**
 * A refusal that a page controller did not turn into a field message (typically "not found") becomes the error page
 * with the right status and the refusal's own message. It goes through the servlet error path, so the page is
 * rendered by {@link ErrorPages} with the full layout. Forms handle their own field errors and never get here.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(DuplicateKeyException.class)
    void duplicate(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.CONFLICT.value());
    }

    @ExceptionHandler(Rejected.class)
    void rejected(Rejected rejected, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = switch (rejected.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        request.setAttribute(Rejected.REQUEST_ATTRIBUTE, rejected);
        response.sendError(status.value());
    }
}
