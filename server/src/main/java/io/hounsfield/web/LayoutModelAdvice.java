package io.hounsfield.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the header: who is logged in, and the navigation their role may see. */
@ControllerAdvice
class LayoutModelAdvice {

    /** The logged-in user as the header shows them. */
    record CurrentUser(String name, String role) {}

    private final List<NavigationItem> items;
    private final RoleHierarchy roleHierarchy;

    LayoutModelAdvice(List<NavigationItem> items, RoleHierarchy roleHierarchy) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.roleHierarchy = roleHierarchy;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        Authentication authentication = loggedIn();
        if (authentication == null) {
            return null;
        }
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", ""))
                .findFirst()
                .orElse("");
        return new CurrentUser(authentication.getName(), role);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Authentication authentication = loggedIn();
        if (authentication == null) {
            return List.of();
        }
        Set<String> roles = roleHierarchy.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", ""))
                .collect(Collectors.toSet());
        return items.stream()
                .filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains))
                .toList();
    }

    private static Authentication loggedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
    }
}
