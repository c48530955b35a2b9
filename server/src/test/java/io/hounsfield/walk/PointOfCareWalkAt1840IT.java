package io.hounsfield.walk;

import org.springframework.boot.test.context.SpringBootTest;

/** The walk with the department clock started at 18:40, in the evening, when the old demo day was over. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.clock.start=18:40",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class PointOfCareWalkAt1840IT extends PointOfCareWalk {

    @Override
    String hour() {
        return "1840";
    }
}
