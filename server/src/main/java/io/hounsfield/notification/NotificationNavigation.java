package io.hounsfield.notification;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

    @Bean
    NavigationItem notificationsLink() {
        return NavigationItem.forRoles(105, "Notifications", "/notifications", "LEAD", "RADIOLOGIST", "PHYSICIST");
    }
}
