package io.hounsfield;

import io.hounsfield.system.CommandLauncher;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts Hounsfield: web UI and REST, DICOM and HL7 listeners, on one database. With a command word first
 * ({@code import DIR}, {@code verify}) it runs that command on the same data instead, and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Hounsfield {

    public static void main(String[] args) throws Exception {
        if (CommandLauncher.isCommand(args)) {
            System.exit(CommandLauncher.run(Hounsfield.class, args));
        }
        SpringApplication.run(Hounsfield.class, args);
    }
}
