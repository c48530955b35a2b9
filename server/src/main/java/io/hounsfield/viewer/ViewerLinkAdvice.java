package io.hounsfield.viewer;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages that show a study (the study pages, the exam cockpit) whether to offer "Open viewer", so that a
 * user who may not read images is not shown a link that ends in a refusal.
 */
@ControllerAdvice(basePackages = {"io.hounsfield.archive", "io.hounsfield.workstation"})
class ViewerLinkAdvice {

    private final ViewerAccess access;

    ViewerLinkAdvice(ViewerAccess access) {
        this.access = access;
    }

    @ModelAttribute("builtInViewer")
    boolean builtInViewer(Authentication user) {
        return access.may(user);
    }
}
