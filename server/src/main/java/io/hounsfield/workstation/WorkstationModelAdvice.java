package io.hounsfield.workstation;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the board and the cockpit {@code can}: which buttons to show, only those the user's role may
 * press. An advice rather than a controller method, because the controllers' own methods are guarded
 * by the role that performs, and a radiologist reading the page must still be told what they may do.
 */
@ControllerAdvice(assignableTypes = {BoardController.class, CockpitController.class})
class WorkstationModelAdvice {

    private final WorkstationAccess access;

    WorkstationModelAdvice(WorkstationAccess access) {
        this.access = access;
    }

    @ModelAttribute("can")
    WorkstationAccess.Granted can(Authentication user) {
        return access.granted(user);
    }
}
