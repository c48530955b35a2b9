package io.hounsfield.contrast;

import io.hounsfield.security.Role;
import io.hounsfield.security.RoleCheck;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who records contrast care: technologists and students (a role includes those below it, so the lead too).
 * Radiologists decide on the screen through the cockpit.
 */
@Component("contrastAccess")
class ContrastAccess {

    private final RoleCheck roles;

    ContrastAccess(RoleCheck roles) {
        this.roles = roles;
    }

    public boolean mayRecord(Authentication user) {
        return roles.holdsAny(user, Set.of(Role.STUDENT));
    }
}
