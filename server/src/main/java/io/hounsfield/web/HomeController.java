package io.hounsfield.web;

import io.hounsfield.system.StatusContributor;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what is running and where to go. */
@Controller
class HomeController {

    private final List<StatusContributor> contributors;

    HomeController(List<StatusContributor> contributors) {
        this.contributors = contributors;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("status", contributors.stream().flatMap(contributor -> contributor.status().stream()).toList());
        model.addAttribute("version", getClass().getPackage().getImplementationVersion());
        return "home";
    }
}
