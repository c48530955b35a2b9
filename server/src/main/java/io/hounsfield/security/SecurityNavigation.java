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
}
