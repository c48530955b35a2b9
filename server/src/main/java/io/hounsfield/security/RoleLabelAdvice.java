package io.hounsfield.security;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the page header the user's role in words ("Lead technologist"), not its code, and every page the words for
 * each role code (the audit trail stores codes and cannot depend on this feature).
 */
@ControllerAdvice
class RoleLabelAdvice {

    @ModelAttribute("roleLabel")
    String roleLabel() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return RoleCheck.roleOf(user).map(Role::label).orElse(null);
    }

    @ModelAttribute("roleLabels")
    Map<String, String> roleLabels() {
        return ROLE_LABELS;
    }

    private static final Map<String, String> ROLE_LABELS = Arrays.stream(Role.values())
            .collect(Collectors.toUnmodifiableMap(Role::name, Role::label));
}
