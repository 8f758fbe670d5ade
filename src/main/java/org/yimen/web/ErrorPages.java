package org.yimen.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yimen.shared.Rejected;

/**
 * Whatever ends in the servlet container's error path: a problem detail for API clients, the error page for
 * browsers. Neither ever shows a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        model.addAttribute("status", status.value());
        if (request.getAttribute(Rejected.REQUEST_ATTRIBUTE) instanceof Rejected refusal) {
            model.addAttribute("messageKey", refusal.code());
            model.addAttribute("messageArguments", refusal.arguments());
        } else {
            model.addAttribute("messageKey", messageKey(status));
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        return "error";
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        var locale = LocaleContextHolder.getLocale();
        var refusal = request.getAttribute(Rejected.REQUEST_ATTRIBUTE) instanceof Rejected r ? r : null;
        var problem = ProblemDetail.forStatusAndDetail(status, refusal != null
                ? messages.getMessage(refusal, locale)
                : messages.getMessage(messageKey(status), null, locale));
        problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String messageKey(HttpStatus status) {
        return switch (status.value()) {
            case 400, 401, 403, 404, 405, 409, 429 -> "error.detail." + status.value();
            default -> status.is4xxClientError() ? "error.detail.400" : "error.detail.500";
        };
    }
}
