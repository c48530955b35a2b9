package io.hounsfield.web;

/**
 * Where a role lands after logging in: its own work list. Each feature declares the landing pages it
 * owns as beans, as it does its {@link NavigationItem}s; {@code /} sends each user to theirs.
 *
 * @param role a role name without {@code ROLE_}, the user's own role (not one it includes)
 */
public record LandingPage(String role, String path) {}
