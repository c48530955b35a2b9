package io.hounsfield.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    DataDirectory dataDirectory(HounsfieldProperties properties) {
        return new DataDirectory(properties.dataDir());
    }
}
