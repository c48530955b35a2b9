package io.hounsfield.order;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderNavigation {

    @Bean
    NavigationItem newOrderLink() {
        return NavigationItem.forRoles(210, "New order", "/orders/new", "TECHNOLOGIST");
    }
}
