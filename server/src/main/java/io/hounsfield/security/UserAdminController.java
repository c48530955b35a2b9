package io.hounsfield.security;

import jakarta.validation.Valid;
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

    UserAdminController(UserService users) {
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUser("", "", Role.TECHNOLOGIST, ""));
        }
        model.addAttribute("users", users.list());
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
        users.setEnabled(id, enabled);
        redirect.addFlashAttribute("message", enabled ? "Account enabled." : "Account disabled.");
        return "redirect:/admin/users";
    }
}
