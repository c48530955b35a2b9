package io.hounsfield.ohif;

import io.hounsfield.dicomweb.DicomWebRoles;
import io.hounsfield.security.RoleCheck;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may open OHIF: those who may read DICOMweb, since everything OHIF shows it reads from there. The one rule that
 * the controller's {@code @PreAuthorize} and the "Open in OHIF" links both ask.
 */
@Component("ohifAccess")
class OhifAccess {

    private final RoleCheck roles;

    OhifAccess(RoleCheck roles) {
        this.roles = roles;
    }

    public boolean may(Authentication user) {
        return roles.holdsAny(user, DicomWebRoles.READERS);
    }
}
