package io.hounsfield.web;

import java.util.Set;

/**
 * A link in the main navigation. Each feature declares its own as a bean; the layout shows the
 * ones the user's role may open, in {@code order}.
 *
 * @param roles role names (without {@code ROLE_}) that see the link; empty means every logged-in user
 */
public record NavigationItem(int order, String label, String path, Set<String> roles) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public static NavigationItem forEveryone(int order, String label, String path) {
        return new NavigationItem(order, label, path, Set.of());
    }

    public static NavigationItem forRoles(int order, String label, String path, String... roles) {
        return new NavigationItem(order, label, path, Set.of(roles));
    }
}
