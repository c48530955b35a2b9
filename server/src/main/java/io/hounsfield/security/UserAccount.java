package io.hounsfield.security;

import java.time.Instant;

/**
 * A person who logs in; the password hash never leaves {@link UserRepository}.
 *
 * @param mustChangePassword an administrator asked for a new password: until then only the password page opens
 */
public record UserAccount(long id, String username, String fullName, Role role, boolean enabled, Instant createdAt,
        boolean mustChangePassword) {}
