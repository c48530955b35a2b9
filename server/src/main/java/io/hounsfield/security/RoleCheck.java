package io.hounsfield.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Whether a user holds one of some roles, counting the roles theirs includes (a LEAD is also a
 * TECHNOLOGIST and a STUDENT, {@link SecurityConfiguration#roleHierarchy()}). Features build their
 * permission rules on it, so that {@code @PreAuthorize} and the buttons on a page ask the same question.
 */
@Component
public class RoleCheck {

    private final RoleHierarchy hierarchy;

    RoleCheck(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean holdsAny(Authentication user, Set<Role> roles) {
        if (roleOf(user).isEmpty()) {
            return false;
        }
        return hierarchy.getReachableGrantedAuthorities(user.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> roles.stream().anyMatch(role -> role.authority().equals(authority)));
    }

    /** The user's own role (not the ones it includes); empty when nobody is logged in. */
    public static Optional<Role> roleOf(Authentication user) {
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(role -> role.authority().equals(authority)))
                .findFirst();
    }
}
