package io.hounsfield;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails when a feature reaches into another feature's internals or features depend on each other in a cycle. */
class ModularityTests {

    @Test
    void featuresKeepToTheirPublicApi() {
        ApplicationModules.of(Hounsfield.class).verify();
    }
}
