package io.hounsfield.exam;

import java.time.Instant;

/**
 * One requested procedure for one patient, as the department performs it.
 *
 * @param stationAeTitle the modality that should perform it (Scheduled Station AE Title), if booked
 * @param requestedProcedureId as an external order filler assigned it (OMI IPC-2), else null
 * @param scheduledStepId as an external order filler assigned it (OMI IPC-4), else null
 */
public record Exam(
        long id,
        Long orderId,
        long patientId,
        String accessionNumber,
        String studyInstanceUid,
        String procedureCode,
        Laterality laterality,
        Priority priority,
        ExamState state,
        String stationAeTitle,
        Instant scheduledStart,
        Instant scheduledEnd,
        String requestedProcedureId,
        String scheduledStepId) {

    public Exam(long id, Long orderId, long patientId, String accessionNumber, String studyInstanceUid,
            String procedureCode, Laterality laterality, Priority priority, ExamState state, String stationAeTitle,
            Instant scheduledStart, Instant scheduledEnd) {
        this(id, orderId, patientId, accessionNumber, studyInstanceUid, procedureCode, laterality, priority, state,
                stationAeTitle, scheduledStart, scheduledEnd, null, null);
    }
}
