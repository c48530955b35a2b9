package io.hounsfield.workstation;

import io.hounsfield.web.LandingPage;
import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The board and the decision list, and who lands on which after logging in. */
@Configuration(proxyBeanMethods = false)
class WorkstationNavigation {

    @Bean
    NavigationItem boardLink() {
        return NavigationItem.forRoles(100, "Board", "/board", "STUDENT", "RADIOLOGIST", "PHYSICIST");
    }

    @Bean
    NavigationItem decisionsLink() {
        return NavigationItem.forRoles(105, "Decisions", DecisionController.PATH, "LEAD", "RADIOLOGIST", "PHYSICIST");
    }

    @Bean
    NavigationItem traumaLink() {
        return NavigationItem.forRoles(110, "Trauma", "/trauma", "TECHNOLOGIST");
    }

    @Bean
    LandingPage leadLanding() {
        return new LandingPage("LEAD", "/board");
    }

    @Bean
    LandingPage technologistLanding() {
        return new LandingPage("TECHNOLOGIST", "/board");
    }

    @Bean
    LandingPage studentLanding() {
        return new LandingPage("STUDENT", "/board");
    }

    @Bean
    LandingPage radiologistLanding() {
        return new LandingPage("RADIOLOGIST", DecisionController.PATH);
    }

    @Bean
    LandingPage physicistLanding() {
        return new LandingPage("PHYSICIST", DecisionController.PATH);
    }
}
