package io.hounsfield.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database is away, answers with {@link Failure#DATABASE_UNAVAILABLE} (503) and the reason at once: a
 * problem document (RFC 9457) for the API and DICOMweb, a plain page for the web UI. It runs before authentication, which looks the
 * user up in the database: a failed lookup would otherwise come back as "401 wrong password", so a 401 sent while the
 * database is found away on the way is answered as 503 too. The health probe and static files stay served.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "10";

    private final DatabaseAvailability availability;

    DatabaseUnavailableFilter(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!availability.available()) {
            answerUnavailable(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                if (!unavailableAuthentication(status)) {
                    super.sendError(status, message);
                }
            }

            @Override
            public void sendError(int status) throws IOException {
                if (!unavailableAuthentication(status)) {
                    super.sendError(status);
                }
            }

            private boolean unavailableAuthentication(int status) throws IOException {
                if (status != HttpServletResponse.SC_UNAUTHORIZED || availability.available() || isCommitted()) {
                    return false;
                }
                reset();
                answerUnavailable(request, (HttpServletResponse) getResponse());
                return true;
            }
        });
    }

    private void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = availability.reason().orElse(AvailabilityReportingDataSource.UNREACHABLE);
        Failure failure = Failure.DATABASE_UNAVAILABLE;
        response.setStatus(failure.httpStatus());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = path(request);
        if (path.startsWith("/api/") || path.startsWith("/dicom-web/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + failure.title() + "\",\"status\":"
                    + failure.httpStatus() + ",\"detail\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"")
                    + " Try again shortly.\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>Hounsfield is not available</title></head>
                    <body><h1>Hounsfield is not available at the moment</h1><p>%s</p>
                    <p>Nothing you saved is lost. Try again in a minute.</p></body></html>
                    """.formatted(HtmlUtils.htmlEscape(reason)));
        }
        response.flushBuffer();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
