package io.hounsfield.archive;

import java.time.LocalDate;

/**
 * A search of the study list. Names and IDs may use the DICOM wildcards {@code *} and {@code ?}; names match
 * case-insensitively and a name without wildcards also finds names that start with it; dates are inclusive.
 */
public record StudySearch(String patientName, String patientId, String accessionNumber, LocalDate from,
        LocalDate to, String modality) {
}
