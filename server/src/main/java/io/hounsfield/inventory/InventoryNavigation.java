package io.hounsfield.inventory;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stock page for the rooms' staff, leads and administrators; supply usage for leads and administrators. */
@Configuration(proxyBeanMethods = false)
class InventoryNavigation {

    @Bean
    NavigationItem stockLink() {
        return NavigationItem.forRoles(650, "Stock", StockController.STOCK, "LEAD", "TECHNOLOGIST", "STUDENT",
                "ADMIN");
    }

    @Bean
    NavigationItem supplyUsageLink() {
        return NavigationItem.forRoles(651, "Supply usage", UsageController.USAGE, "LEAD", "ADMIN");
    }
}
