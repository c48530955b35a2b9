package io.hounsfield.archive.pages;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ArchiveNavigation {

    @Bean
    NavigationItem studiesLink() {
        return NavigationItem.forRoles(450, "Studies", "/archive/studies", "LEAD", "TECHNOLOGIST", "STUDENT",
                "RADIOLOGIST", "PHYSICIST");
    }

    @Bean
    NavigationItem quarantineLink() {
        return NavigationItem.forRoles(500, "Quarantine", "/archive/quarantine", "LEAD", "TECHNOLOGIST");
    }

    @Bean
    NavigationItem resendsLink() {
        return NavigationItem.forRoles(510, "Resent images", "/archive/resends", "LEAD");
    }
}
