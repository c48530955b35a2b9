package io.hounsfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A matched password is not BCrypt-checked again for a while; a wrong one always is. */
class RecentlyCheckedPasswordsTest {
    private final AtomicInteger slowChecks = new AtomicInteger();
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return "hash:" + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            slowChecks.incrementAndGet();
            return encodedPassword.equals("hash:" + rawPassword);
        }
    };

    @Test
    void aMatchIsRememberedUntilItExpiresAndWrongPasswordsAreNever() {
        MutableClock clock = new MutableClock();
        RecentlyCheckedPasswords passwords = new RecentlyCheckedPasswords(slow, Duration.ofMinutes(5), clock);

        assertThat(passwords.matches("demo", "hash:demo")).isTrue();
        assertThat(passwords.matches("demo", "hash:demo")).isTrue();
        assertThat(slowChecks).hasValue(1);

        assertThat(passwords.matches("guess", "hash:demo")).isFalse();
        assertThat(passwords.matches("guess", "hash:demo")).isFalse();
        assertThat(slowChecks).hasValue(3);

        assertThat(passwords.matches("demo", "hash:changed")).as("a changed password has another hash").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(passwords.matches("demo", "hash:demo")).isTrue();
        assertThat(slowChecks).hasValue(5);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
