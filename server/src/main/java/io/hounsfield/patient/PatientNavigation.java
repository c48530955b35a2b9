package io.hounsfield.patient;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PatientNavigation {

    @Bean
    NavigationItem registerPatientLink() {
        return NavigationItem.forRoles(205, "Register patient", "/patients/new", "TECHNOLOGIST");
    }
}
