package io.hounsfield.security;

import java.time.Instant;

/** A person who logs in; the password hash never leaves {@link UserRepository}. */
public record UserAccount(long id, String username, String fullName, Role role, boolean enabled, Instant createdAt) {}
