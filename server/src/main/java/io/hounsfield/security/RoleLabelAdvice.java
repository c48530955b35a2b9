package io.hounsfield.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives the page header the user's role in words ("Lead technologist"), not its code. */
@ControllerAdvice
class RoleLabelAdvice {

    @ModelAttribute("roleLabel")
    String roleLabel() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return RoleCheck.roleOf(user).map(Role::label).orElse(null);
    }
}
