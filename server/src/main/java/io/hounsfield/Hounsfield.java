package io.hounsfield;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Hounsfield: web UI and REST, and (as features land) DICOM and HL7 listeners, on one database. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Hounsfield {

    public static void main(String[] args) {
        SpringApplication.run(Hounsfield.class, args);
    }
}
