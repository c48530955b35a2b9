package io.hounsfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;

class LoginAuditListenerTest {

    @Test
    void aFailedLoginIsExplainedInWordsNotByTheExceptionsName() {
        assertThat(LoginAuditListener.reason(new BadCredentialsException("Bad credentials")))
                .isEqualTo("wrong user name or password");
        assertThat(LoginAuditListener.reason(new DisabledException("disabled"))).isEqualTo("account disabled");
        assertThat(LoginAuditListener.reason(new LockedException("locked"))).isEqualTo("account locked");
        assertThat(LoginAuditListener.reason(new LockedException(LoginThrottle.ACCOUNT_LOCKED)))
                .isEqualTo("locked after too many failed logins");
        assertThat(LoginAuditListener.reason(new LockedException(LoginThrottle.ADDRESS_LOCKED)))
                .isEqualTo("address locked after too many failed logins");
        assertThat(LoginAuditListener.reason(new InsufficientAuthenticationException("x"))).isEqualTo("login refused");
    }
}
