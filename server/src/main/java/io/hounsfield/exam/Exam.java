package io.hounsfield.exam;

import java.time.Instant;

/**
 * One requested procedure for one patient, as the department performs it.
 *
 * @param stationAeTitle the modality that should perform it (Scheduled Station AE Title), if booked
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
        Instant scheduledEnd) {}
