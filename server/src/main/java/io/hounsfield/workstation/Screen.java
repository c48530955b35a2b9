package io.hounsfield.workstation;

import io.hounsfield.security.Role;
import java.util.Set;

/**
 * The screens of the cockpit, each with the answers that count as positive and the roles that may decide
 * on a positive one (DOMAIN.md 5C pregnancy, 4A/4B contrast, 5D MRI safety).
 */
enum Screen {
    PREGNANCY(Set.of(Role.RADIOLOGIST, Role.LEAD)),
    CONTRAST(Set.of(Role.RADIOLOGIST)),
    MRI(Set.of(Role.RADIOLOGIST, Role.PHYSICIST));

    private final Set<Role> deciders;

    Screen(Set<Role> deciders) {
        this.deciders = deciders;
    }

    boolean positive(String answer) {
        return switch (this) {
            case PREGNANCY -> !answer.equals("NOT_PREGNANT");
            case CONTRAST -> answer.equals("HIGH_RISK");
            case MRI -> !answer.equals("NO_IMPLANT");
        };
    }

    boolean decidedBy(String role) {
        return deciders.stream().anyMatch(decider -> decider.name().equals(role));
    }
}
