package io.hounsfield.dose;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dose check levels in the menu of physicists and leads. */
@Configuration(proxyBeanMethods = false)
class DoseNavigation {

    @Bean
    NavigationItem doseLevelsLink() {
        return NavigationItem.forRoles(600, "Dose levels", DosePagesController.LEVELS, "PHYSICIST", "LEAD");
    }
}
