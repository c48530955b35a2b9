package io.hounsfield.archive;

import java.time.Instant;

/** A study whose quarantined images were rejected and can still be restored, as the quarantine page lists it. */
public record RejectedStudy(String studyInstanceUid, String patientId, String patientName, String accessionNumber,
        long instances, String rejectedBy, Instant rejectedAt, Instant restorableUntil) {
}
