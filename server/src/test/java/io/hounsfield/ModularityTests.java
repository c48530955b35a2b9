package io.hounsfield;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a feature reaches into another feature's internals or features depend on each other in a cycle. */
class ModularityTests {

    @Test
    void featuresKeepToTheirPublicApi() {
        // The DICOM toolkit shares the root package but is a library, not a feature of the application.
        ApplicationModules.of(Hounsfield.class, JavaClass.Predicates.resideInAPackage("io.hounsfield.dicom..")).verify();
    }
}
