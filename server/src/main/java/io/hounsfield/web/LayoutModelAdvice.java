package io.hounsfield.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(LayoutModelAdvice.class);

    private final List<NavigationItem> items;
    private final RoleHierarchy roleHierarchy;
    private final Map<String, String> landingByRole;
    private final List<StartPageNotices> notices;

    LayoutModelAdvice(List<NavigationItem> items, RoleHierarchy roleHierarchy, List<LandingPage> landings,
            List<StartPageNotices> notices) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.roleHierarchy = roleHierarchy;
        this.landingByRole = landings.stream().collect(Collectors.toMap(LandingPage::role, LandingPage::path,
                (first, second) -> first));
        this.notices = notices;
    }

    /** On the user's own start page only (a full page, not an htmx fragment): what the features want them to see. */
    @ModelAttribute("startNotices")
    List<StartPageNotices.Notice> startNotices(HttpServletRequest request) {
        CurrentUser user = currentUser();
        if (user == null || !"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
                || !currentPath(request).equals(landingByRole.get(user.role()))) {
            return List.of();
        }
        try {
            return notices.stream().flatMap(source -> source.forUser(user.name(), user.role()).stream()).toList();
        } catch (RuntimeException e) {
            // The start page is a work list; it must open even when a notice cannot be worked out.
            log.warn("Start page notices for {} could not be read: {}", user.name(), e.toString());
            return List.of();
        }
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

    /**
     * The navigation link of the current page: the longest path of the user's links it lies under, so that
     * /equipment/qc marks "Equipment QC" and not "Equipment" too.
     */
    @ModelAttribute("activeNavigationPath")
    String activeNavigationPath(HttpServletRequest request) {
        String path = currentPath(request);
        return navigation().stream().map(NavigationItem::path)
                .filter(link -> path.equals(link) || path.startsWith(link.endsWith("/") ? link : link + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
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
