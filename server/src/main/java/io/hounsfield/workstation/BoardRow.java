package io.hounsfield.workstation;

import io.hounsfield.exam.Exam;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One exam as the worklist board shows it.
 *
 * @param waiting how long the patient has been waiting since check-in, while they wait
 * @param transport where an inpatient is, if transport was requested
 * @param holdReason the recorded mismatch that holds the exam, while it holds it
 * @param contrastProcedure the procedure gives contrast
 * @param contrastWarnings the patient's contrast reactions on record, for a contrast procedure
 * @param equipmentWarning why its room's equipment cannot take it (out of service), in plain words, or null
 */
record BoardRow(Exam exam, String patientName, String patientIdentifier, boolean temporaryIdentity,
        String procedureName, String modality, Duration waiting, TransportStatus transport, String holdReason,
        boolean contrastProcedure, List<String> contrastWarnings, String equipmentWarning) {

    BoardRow withContrastWarnings(List<String> warnings) {
        return new BoardRow(exam, patientName, patientIdentifier, temporaryIdentity, procedureName, modality, waiting,
                transport, holdReason, contrastProcedure, warnings, equipmentWarning);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    public String time() {
        return exam.scheduledStart() == null ? "" : TIME.format(exam.scheduledStart());
    }

    BoardRow withEquipmentWarning(String warning) {
        return new BoardRow(exam, patientName, patientIdentifier, temporaryIdentity, procedureName, modality, waiting,
                transport, holdReason, contrastProcedure, contrastWarnings, warning);
    }

    public String waitingText() {
        return waiting == null ? "" : waiting.toMinutes() + " min";
    }
}
