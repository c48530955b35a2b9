package io.hounsfield.scp;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeerNavigation {

    @Bean
    NavigationItem peersLink() {
        return NavigationItem.forRoles(910, "DICOM peers", "/admin/peers", "ADMIN");
    }
}
