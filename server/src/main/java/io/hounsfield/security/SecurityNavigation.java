package io.hounsfield.security;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

    @Bean
    NavigationItem usersLink() {
        return NavigationItem.forRoles(900, "Users", "/admin/users", "ADMIN");
    }

    @Bean
    NavigationItem lockedLoginsLink() {
        return NavigationItem.forRoles(910, "Locked logins", "/logins/locked", "LEAD", "ADMIN");
    }
}
