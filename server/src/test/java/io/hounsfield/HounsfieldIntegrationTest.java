package io.hounsfield;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a real (embedded) PostgreSQL in a fresh data directory under
 * {@code target/}, with demo users, driven through MockMvc. Test classes that share it share one
 * Spring context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "hounsfield.demo=true",
    "hounsfield.demo-images=false",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0",
    // Issue 14: feeds without an assigning authority, and a station for a procedure with no room of its modality
    "hounsfield.hl7.default-authority.LEGACYRIS=HOSP",
    "hounsfield.hl7.default-authority.OLDADT.NORTH=NORTHHOSP",
    "hounsfield.hl7.default-station.RFHSG=RF9"
})
@AutoConfigureMockMvc
public @interface HounsfieldIntegrationTest {}
