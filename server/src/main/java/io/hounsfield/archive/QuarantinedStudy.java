package io.hounsfield.archive;

import java.time.Instant;

/** A study with quarantined instances, as the quarantine list shows it. */
public record QuarantinedStudy(String studyInstanceUid, String patientId, String patientName,
        String accessionNumber, String reason, long instances, Instant lastStoredAt, String sourceAeTitle) {
}
