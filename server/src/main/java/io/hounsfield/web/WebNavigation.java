package io.hounsfield.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebNavigation {

    @Bean
    NavigationItem statusLink() {
        return NavigationItem.forRoles(920, "Server status", HomeController.STATUS_PATH, "ADMIN");
    }

    @Bean
    LandingPage administratorLanding() {
        return new LandingPage("ADMIN", HomeController.STATUS_PATH);
    }
}
