package io.hounsfield.exam;

import java.time.Instant;

/**
 * What is needed to schedule an exam.
 *
 * @param accessionNumber as assigned by an external order filler (OMI IPC-1); null to assign one here
 * @param studyInstanceUid as assigned by an external order filler (OMI IPC-3); null to assign one here
 */
public record NewExam(Long orderId, long patientId, String procedureCode, Laterality laterality, Priority priority,
        String stationAeTitle, Instant scheduledStart, String accessionNumber, String studyInstanceUid) {}
