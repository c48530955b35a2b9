package io.hounsfield.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt on every request of a stateless HTTP Basic client (a viewer paging through DICOMweb) costs tens of
 * milliseconds each time. This remembers, for a few minutes, that a password matched a stored hash, keyed by a
 * SHA-256 of both: a changed password has another hash and misses, a disabled account is refused after the check
 * anyway, and only matches are remembered, so a wrong guess always costs the full BCrypt.
 */
final class RecentlyCheckedPasswords implements PasswordEncoder {
    private static final int REMEMBERED = 1_000;

    private final PasswordEncoder delegate;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Instant> matchedUntil = new LeastRecentlyUsedMap<>(REMEMBERED);

    RecentlyCheckedPasswords(PasswordEncoder delegate, Duration remembered, Clock clock) {
        this.delegate = delegate;
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = digest(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (matchedUntil) {
            Instant until = matchedUntil.get(key);
            if (until != null && now.isBefore(until)) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (matchedUntil) {
                matchedUntil.put(key, now.plus(remembered));
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static String digest(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
