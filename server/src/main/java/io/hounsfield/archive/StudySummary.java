package io.hounsfield.archive;

import java.time.LocalDate;

/** A stored study as the study list shows it; quarantined instances are not counted. */
public record StudySummary(String studyInstanceUid, String patientId, String patientName, LocalDate patientBirthDate,
        String patientSex, LocalDate studyDate, String accessionNumber, String studyDescription, String modalities,
        long series, long instances) {
}
