package io.hounsfield.walk;

import org.springframework.boot.test.context.SpringBootTest;

/** The walk with the department clock started at 08:00, in the morning, the day's list ahead. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.clock.start=08:00",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class PointOfCareWalkAt0800IT extends PointOfCareWalk {

    @Override
    String hour() {
        return "0800";
    }
}
