package io.hounsfield.security;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks on every request that the account behind the session still allows it: a session of an account that was
 * disabled, given another role or a new password since its login ends at once (the user is sent to the login page).
 * A user an administrator asked for a new password can open only the password page until they have chosen one; an
 * HTTP Basic client of such an account is refused with a word why. HTTP Basic needs no version check: it looks the
 * account up on every request anyway, so its state is taken from that lookup.
 */
final class AccountStillValidFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";

    /** What a user with a password to change may still open. */
    private static final List<String> OPEN_WHILE_CHANGING = List.of(PASSWORD_PAGE, "/logout", "/login", "/error",
            "/css/", "/js/", "/webjars/", "/favicon.ico");

    private final UserRepository users;
    private final AuditService audit;
    private final boolean browserSessions;

    /** @param browserSessions true for the web UI's chain, false for the stateless API's */
    AccountStillValidFilter(UserRepository users, AuditService audit, boolean browserSessions) {
        this.users = users;
        this.audit = audit;
        this.browserSessions = browserSessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        // A Basic client's account was read from the table for this very request: it is not read twice. A DICOMweb
        // request may come with a web session instead (OHIF), whose login may be hours old: that one is read.
        Optional<UserRepository.AccessState> state = browserSessions || request.getSession(false) != null
                ? users.accessState(user.id())
                : Optional.of(user.accessState());
        Optional<String> ended = whyEnded(user, state);
        if (ended.isPresent()) {
            endSession(request, response, user, ended.get());
            return;
        }
        if (state.orElseThrow().mustChangePassword() && !openWhileChanging(request)) {
            if (browserSessions) {
                redirect(request, response, PASSWORD_PAGE);
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/problem+json");
                response.getOutputStream().write("""
                        {"status":403,"title":"Password change needed","detail":"An administrator asked for a new \
                        password for this account. Log in to the web page and choose one first."}"""
                        .getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> whyEnded(SignedInUser user, Optional<UserRepository.AccessState> state) {
        if (state.isEmpty() || !state.get().enabled()) {
            return Optional.of("account disabled");
        }
        if (state.get().role() != user.role()) {
            return Optional.of("role changed");
        }
        if (state.get().accessVersion() != user.accessVersion()) {
            return Optional.of("password changed");
        }
        return Optional.empty();
    }

    private void endSession(HttpServletRequest request, HttpServletResponse response, SignedInUser user,
            String reason) throws IOException {
        audit.record(AuditEntry.success("SESSION_ENDED", UserService.OBJECT_TYPE, user.getUsername())
                .withDetail(reason));
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (browserSessions) {
            redirect(request, response, "/login?ended");
        } else {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    /** An htmx request would swap the login page into a part of the page: it is told to load it whole instead. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String target = request.getContextPath() + path;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }

    private static boolean openWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_CHANGING.stream()
                .anyMatch(open -> open.endsWith("/") ? path.startsWith(open) : path.equals(open));
    }
}
