package io.hounsfield.exam;

import java.time.Instant;

/**
 * What is needed to schedule an exam.
 *
 * @param accessionNumber as assigned by an external order filler (OMI IPC-1); null to assign one here
 * @param studyInstanceUid as assigned by an external order filler (OMI IPC-3, or a RIS's ZDS-1); null to assign
 *     one here
 * @param requestedProcedureId as assigned by an external order filler (OMI IPC-2); null: the accession number
 * @param scheduledStepId as assigned by an external order filler (OMI IPC-4); null: one is made from the exam's id
 */
public record NewExam(Long orderId, long patientId, String procedureCode, Laterality laterality, Priority priority,
        String stationAeTitle, Instant scheduledStart, String accessionNumber, String studyInstanceUid,
        String requestedProcedureId, String scheduledStepId) {

    public NewExam(Long orderId, long patientId, String procedureCode, Laterality laterality, Priority priority,
            String stationAeTitle, Instant scheduledStart, String accessionNumber, String studyInstanceUid) {
        this(orderId, patientId, procedureCode, laterality, priority, stationAeTitle, scheduledStart, accessionNumber,
                studyInstanceUid, null, null);
    }
}
