package io.hounsfield.equipment.web;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Equipment for technologists and students (a role includes those below it), leads, physicists and administrators; the DICOM peers for administrators. */
@Configuration(proxyBeanMethods = false)
class EquipmentNavigation {

    @Bean
    NavigationItem equipmentLink() {
        return NavigationItem.forRoles(710, "Equipment", EquipmentController.EQUIPMENT, "STUDENT", "ADMIN",
                "PHYSICIST");
    }

    @Bean
    NavigationItem peersLink() {
        return NavigationItem.forRoles(910, "DICOM peers", "/admin/peers", "ADMIN");
    }
}
