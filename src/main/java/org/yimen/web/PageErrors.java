package org.yimen.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.yimen.shared.Rejected;

/**
 * A refusal that a page controller did not turn into a field message (typically "not found") becomes the error page
 * with the right status. Forms handle their own field errors and never get here.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(Rejected.class)
    String rejected(Rejected rejected, HttpServletResponse response, Model model) {
        HttpStatus status = switch (rejected.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", rejected.code());
        model.addAttribute("messageArguments", rejected.arguments());
        return "error";
    }
}
