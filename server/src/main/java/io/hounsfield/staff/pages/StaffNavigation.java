package io.hounsfield.staff.pages;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StaffNavigation {

    /** Leads and administrators see everyone's; technologists and students their own (STUDENT includes both). */
    @Bean
    NavigationItem staffLink() {
        return NavigationItem.forRoles(700, "Staff", StaffPages.PATH, "STUDENT", "ADMIN");
    }
}
