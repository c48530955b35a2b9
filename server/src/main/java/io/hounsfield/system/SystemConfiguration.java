package io.hounsfield.system;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SystemConfiguration {

    @Bean
    DataDirectory dataDirectory(HounsfieldProperties properties) {
        return new DataDirectory(properties.dataDir());
    }

    @Bean
    DatabaseAvailability databaseAvailability() {
        return new DatabaseAvailability();
    }

    /** Before Spring Security's filters (order -100), which look users up in the database. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DatabaseAvailability availability) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(availability));
        registration.setOrder(-110);
        return registration;
    }

    /** Inject this wherever "now" or "today" matters; never read the system clock directly. */
    @Bean
    Clock clock(@Value("${hounsfield.clock.start:}") String start) {
        return DepartmentClock.of(start, Clock.systemDefaultZone());
    }
}
