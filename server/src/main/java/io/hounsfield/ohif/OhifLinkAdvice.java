package io.hounsfield.ohif;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages that show a study (the study pages, the exam cockpit) whether to offer "Open in OHIF": only when
 * OHIF is installed and the user may open it, so a link never leads to a page saying it cannot be shown.
 */
@ControllerAdvice(basePackages = {"io.hounsfield.archive", "io.hounsfield.workstation"})
class OhifLinkAdvice {

    private final OhifInstallation installation;
    private final OhifAccess access;

    OhifLinkAdvice(OhifInstallation installation, OhifAccess access) {
        this.installation = installation;
        this.access = access;
    }

    @ModelAttribute("ohifViewer")
    boolean ohifViewer(Authentication user) {
        return user != null && access.may(user) && installation.installed();
    }
}
