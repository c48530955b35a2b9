package io.hounsfield.web;

import io.hounsfield.system.StatusContributor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page sends each user to their role's work list; the server status page (ports, file
 * paths, versions) is for administrators only.
 */
@Controller
class HomeController {

    static final String STATUS_PATH = "/status";

    private final List<StatusContributor> contributors;
    private final Map<String, String> landingByRole;

    HomeController(List<StatusContributor> contributors, List<LandingPage> landings) {
        this.contributors = contributors;
        this.landingByRole = landings.stream().collect(Collectors.toMap(LandingPage::role, LandingPage::path,
                (first, second) -> first));
    }

    @GetMapping("/")
    String home(Authentication user) {
        return landing(user).map(path -> "redirect:" + path).orElse("welcome");
    }

    @GetMapping(STATUS_PATH)
    @PreAuthorize("hasRole('ADMIN')")
    String status(Model model) {
        model.addAttribute("status", contributors.stream().flatMap(contributor -> contributor.status().stream()).toList());
        model.addAttribute("version", getClass().getPackage().getImplementationVersion());
        return "home";
    }

    private Optional<String> landing(Authentication user) {
        if (user == null) {
            return Optional.empty();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.replaceFirst("^ROLE_", ""))
                .map(landingByRole::get).filter(path -> path != null).findFirst();
    }
}
