package io.hounsfield.walk;

import org.springframework.boot.test.context.SpringBootTest;

/** The walk with the department clock started at 23:30, before midnight, the list running into tomorrow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.clock.start=23:30",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class PointOfCareWalkAt2330IT extends PointOfCareWalk {

    @Override
    String hour() {
        return "2330";
    }
}
