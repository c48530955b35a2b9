package io.hounsfield.archive;

import java.time.LocalDate;

/**
 * A search of the study list. Names and IDs may use the DICOM wildcards {@code *} and {@code ?}; names match
 * case-insensitively and a name without wildcards also finds names that start with it; dates are inclusive.
 */
public record StudySearch(String patientName, String patientId, String accessionNumber, LocalDate from,
        LocalDate to, String modality) {

    /** The search in words for the audit trail: "name DOE*, modality CT", or "all studies". */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        add(parts, "name", patientName);
        add(parts, "patient ID", patientId);
        add(parts, "accession", accessionNumber);
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        add(parts, "modality", modality);
        return parts.isEmpty() ? "all studies" : String.join(", ", parts);
    }

    private static void add(java.util.List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + " " + value.strip());
        }
    }
}
