package io.hounsfield.workstation;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkstationNavigation {

    @Bean
    NavigationItem boardLink() {
        return NavigationItem.forRoles(100, "Board", "/board", "STUDENT");
    }

    @Bean
    NavigationItem traumaLink() {
        return NavigationItem.forRoles(110, "Trauma", "/trauma", "TECHNOLOGIST");
    }
}
