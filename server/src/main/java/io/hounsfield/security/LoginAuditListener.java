package io.hounsfield.security;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Audits interactive logins and every failed one (form or HTTP Basic). Successful Basic
 * authentications are not logged one by one: each API request has one, and the API's own audit
 * entries already name the user.
 */
@Component
class LoginAuditListener {

    private final AuditService audit;

    LoginAuditListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        audit.record(actor(authentication),
                AuditEntry.success("LOGIN", UserService.OBJECT_TYPE, authentication.getName()));
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        audit.record(actor(attempt), AuditEntry.failure(
                "LOGIN", UserService.OBJECT_TYPE, attempt.getName(), reason(event.getException())));
    }

    /** The audit trail is read by staff: the reason in words, never the exception's class. */
    static String reason(AuthenticationException failure) {
        if (failure instanceof BadCredentialsException || failure instanceof UsernameNotFoundException) {
            return "wrong user name or password";
        }
        if (failure instanceof DisabledException) {
            return "account disabled";
        }
        if (failure instanceof LockedException) {
            return List.of(LoginThrottle.ACCOUNT_LOCKED, LoginThrottle.ADDRESS_LOCKED).contains(failure.getMessage())
                    ? failure.getMessage()
                    : "account locked";
        }
        if (failure instanceof AccountExpiredException || failure instanceof CredentialsExpiredException) {
            return "account or password expired";
        }
        return "login refused";
    }

    /** A failed attempt has no authorities, so its role stays empty. */
    private static Actor actor(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        String grantedRole = authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
                .findFirst()
                .orElse(null);
        return new Actor(authentication.getName(), grantedRole, address);
    }
}
