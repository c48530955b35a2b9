package io.hounsfield.exam;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExamNavigation {

    @Bean
    NavigationItem scheduleLink() {
        return NavigationItem.forRoles(200, "Schedule", "/schedule", "STUDENT");
    }
}
