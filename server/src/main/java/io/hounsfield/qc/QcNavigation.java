package io.hounsfield.qc;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QcNavigation {

    @Bean
    NavigationItem qcProgramLink() {
        return NavigationItem.forRoles(650, "Equipment QC", QcPagesController.PROGRAM, "TECHNOLOGIST", "STUDENT",
                "LEAD", "PHYSICIST", "ADMIN");
    }
}
