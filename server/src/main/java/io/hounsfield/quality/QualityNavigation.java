package io.hounsfield.quality;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QualityNavigation {

    @Bean
    NavigationItem qualityThresholdsLink() {
        return NavigationItem.forRoles(141, "Quality thresholds", "/quality/thresholds", "LEAD", "PHYSICIST", "ADMIN");
    }

    @Bean
    NavigationItem rejectAnalysisLink() {
        return NavigationItem.forRoles(140, "Reject analysis", "/quality/rejects", "LEAD", "PHYSICIST");
    }
}
