package io.hounsfield.audit;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditLink() {
        return NavigationItem.forRoles(800, "Audit", "/audit", "ADMIN", "LEAD");
    }
}
