package io.hounsfield.security;

import jakarta.validation.Valid;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for user accounts. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final UserService users;
    private final LoginThrottle throttle;

    UserAdminController(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUser("", "", Role.TECHNOLOGIST, ""));
        }
        model.addAttribute("users", users.list());
        model.addAttribute("locked", throttle.lockedAccounts().stream().map(FailureCounter.Lock::key)
                .collect(Collectors.toSet()));
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newUser") NewUser newUser, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && users.exists(newUser.username())) {
            errors.rejectValue("username", "taken", "is already taken");
        }
        if (errors.hasErrors()) {
            return list(model);
        }
        users.create(newUser);
        redirect.addFlashAttribute("message", "User " + newUser.username() + " created.");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            users.setEnabled(id, enabled);
            redirect.addFlashAttribute("message", enabled ? "Account enabled."
                    : "Account disabled. Anyone logged in with it has been logged out.");
        } catch (LastAdministratorException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/role")
    String setRole(@PathVariable long id, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            users.setRole(id, role);
            redirect.addFlashAttribute("message", "Role changed to " + role.label()
                    + ". The user has been logged out and has the new role at their next login.");
        } catch (LastAdministratorException refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password-change")
    String requirePasswordChange(@PathVariable long id, @RequestParam boolean required, RedirectAttributes redirect) {
        users.requirePasswordChange(id, required);
        redirect.addFlashAttribute("message", required
                ? "The user must choose a new password before they can go on working."
                : "The user no longer has to choose a new password.");
        return "redirect:/admin/users";
    }

    @PostMapping("/unlock")
    String unlock(@RequestParam String username, RedirectAttributes redirect) {
        throttle.unlockAccount(username);
        redirect.addFlashAttribute("message", "User name " + username + " unlocked.");
        return "redirect:/admin/users";
    }
}
