package io.hounsfield.web;

import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a {@link HounsfieldException} with the HTTP status of its failure: a problem document for
 * the API and DICOMweb, the error page (with the message, which is written for users) for the web UI.
 */
@ControllerAdvice
class FailureHandler {

    @ExceptionHandler(HounsfieldException.class)
    Object handle(HounsfieldException exception, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.valueOf(exception.failure().httpStatus());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/dicom-web/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, exception.getMessage());
            problem.setTitle(exception.failure().name());
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", exception.getMessage());
        return page;
    }
}
