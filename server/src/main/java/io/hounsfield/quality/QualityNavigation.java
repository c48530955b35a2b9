package io.hounsfield.quality;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QualityNavigation {

    @Bean
    NavigationItem qualityThresholdsLink() {
        return NavigationItem.forRoles(140, "Image quality", "/quality/thresholds", "LEAD", "PHYSICIST", "ADMIN");
    }
}
