package io.hounsfield.workstation;

import io.hounsfield.exam.Exam;
import java.time.Duration;

/**
 * One exam as the worklist board shows it.
 *
 * @param waiting how long the patient has been waiting since check-in, while they wait
 * @param transport where an inpatient is, if transport was requested
 */
record BoardRow(Exam exam, String patientName, String patientIdentifier, boolean temporaryIdentity,
        String procedureName, String modality, Duration waiting, TransportStatus transport) {

    public String waitingText() {
        return waiting == null ? "" : waiting.toMinutes() + " min";
    }
}
