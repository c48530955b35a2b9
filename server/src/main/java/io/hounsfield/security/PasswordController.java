package io.hounsfield.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's page to choose a new password, and the only page open while an administrator asks for one. */
@Controller
@RequestMapping(AccountStillValidFilter.PASSWORD_PAGE)
class PasswordController {

    private final UserService users;

    PasswordController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String page(Principal principal, Model model) {
        if (!model.containsAttribute("change")) {
            model.addAttribute("change", new PasswordChange("", "", ""));
        }
        model.addAttribute("required", users.find(principal.getName()).map(UserAccount::mustChangePassword)
                .orElse(false));
        return "security/password";
    }

    @PostMapping
    String change(@Valid @ModelAttribute("change") PasswordChange change, BindingResult errors, Principal principal,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !change.newPassword().equals(change.repeatedPassword())) {
            errors.rejectValue("repeatedPassword", "different", "is not the same as the new password");
        }
        if (!errors.hasErrors() && change.newPassword().equals(change.currentPassword())) {
            errors.rejectValue("newPassword", "same", "must differ from the current password");
        }
        if (!errors.hasErrors()) {
            try {
                int version = users.changeOwnPassword(principal.getName(), change.currentPassword(),
                        change.newPassword());
                keepThisSession(request, version);
                redirect.addFlashAttribute("message", "Your password is changed. If you were logged in elsewhere, those sessions have ended.");
                return "redirect:" + AccountStillValidFilter.PASSWORD_PAGE;
            } catch (WrongPasswordException wrong) {
                errors.rejectValue("currentPassword", "wrong", "is not right");
            }
        }
        return page(principal, model);
    }

    /** The other sessions end with the old access version; this one takes the new one and a new session id. */
    private static void keepThisSession(HttpServletRequest request, int version) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (!(current.getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        SignedInUser renewed = user.withAccessVersion(version);
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                renewed, null, current.getAuthorities());
        authentication.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
