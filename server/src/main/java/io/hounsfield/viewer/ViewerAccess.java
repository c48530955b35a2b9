package io.hounsfield.viewer;

import io.hounsfield.dicomweb.DicomWebRoles;
import io.hounsfield.security.RoleCheck;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may open the built-in viewer: those who may read DICOMweb, since the page reads every image from there. The one
 * rule that the controller's {@code @PreAuthorize} and the "Open viewer" links both ask.
 */
@Component("viewerAccess")
class ViewerAccess {

    private final RoleCheck roles;

    ViewerAccess(RoleCheck roles) {
        this.roles = roles;
    }

    public boolean may(Authentication user) {
        return user != null && roles.holdsAny(user, DicomWebRoles.READERS);
    }
}
