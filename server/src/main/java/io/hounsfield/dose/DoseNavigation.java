package io.hounsfield.dose;

import io.hounsfield.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dose pages in the menu of physicists and leads. */
@Configuration(proxyBeanMethods = false)
class DoseNavigation {

    @Bean
    NavigationItem doseLevelsLink() {
        return NavigationItem.forRoles(600, "Dose levels", DosePagesController.LEVELS, "PHYSICIST", "LEAD");
    }

    @Bean
    NavigationItem doseReviewLink() {
        return NavigationItem.forRoles(601, "Dose review", DoseReviewController.REVIEW, "PHYSICIST", "LEAD");
    }

    @Bean
    NavigationItem doseFollowUpLink() {
        return NavigationItem.forRoles(602, "Dose follow-up", FollowUpController.FOLLOW_UP, "PHYSICIST", "LEAD");
    }
}
