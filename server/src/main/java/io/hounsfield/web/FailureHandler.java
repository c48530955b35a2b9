package io.hounsfield.web;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTTP door of the error catalogue ({@link Failure}): a {@link HounsfieldException}, or the database gone away,
 * is answered with the failure's HTTP status: a problem document (RFC 9457) titled in plain words for the API and
 * DICOMweb, the error page (with the message, which is written for users) for the web UI.
 */
@ControllerAdvice
class FailureHandler {

    /** The database went away during the request (the connection broke, or none came in time). */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    Object handle(DataAccessResourceFailureException exception, HttpServletRequest request) {
        Failure failure = Failure.of(exception);
        return answer(request, failure, failure.message());
    }

    @ExceptionHandler(HounsfieldException.class)
    Object handle(HounsfieldException exception, HttpServletRequest request) {
        return answer(request, exception.failure(), exception.getMessage());
    }

    private static Object answer(HttpServletRequest request, Failure failure, String message) {
        HttpStatus status = HttpStatus.valueOf(failure.httpStatus());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/dicom-web/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(failure.title());
            // Named here, so that the answer does not hang on the Accept header, which asked for something else
            // and which clients write in forms Spring cannot parse (DICOMweb's unquoted type=a/b).
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", failure.title());
        page.addObject("message", message);
        return page;
    }
}
