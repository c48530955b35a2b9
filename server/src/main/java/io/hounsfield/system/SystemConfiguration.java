package io.hounsfield.system;

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
}
