package io.hounsfield.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a lead or an administrator sees the user names and addresses locked by failed logins, and unlocks them. */
@Controller
@RequestMapping("/logins/locked")
@PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
class LockedLoginsController {

    private final LoginThrottle throttle;

    LockedLoginsController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", throttle.lockedAccounts());
        model.addAttribute("addresses", throttle.lockedAddresses());
        return "security/locked";
    }

    @PostMapping("/account")
    String unlockAccount(@RequestParam String username, RedirectAttributes redirect) {
        throttle.unlockAccount(username);
        redirect.addFlashAttribute("message", "User name " + username + " unlocked.");
        return "redirect:/logins/locked";
    }

    @PostMapping("/address")
    String unlockAddress(@RequestParam String address, RedirectAttributes redirect) {
        throttle.unlockAddress(address);
        redirect.addFlashAttribute("message", "Address " + address + " unlocked.");
        return "redirect:/logins/locked";
    }
}
