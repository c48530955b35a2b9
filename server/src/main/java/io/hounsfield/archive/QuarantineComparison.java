package io.hounsfield.archive;

import io.hounsfield.patient.IdentityComparison;
import io.hounsfield.patient.IdentitySide;

/**
 * A quarantined study beside the patient of the exam it would be filed under, as the confirmation page shows it.
 *
 * @param ordered the exam's patient; {@code null} when no exam has {@code accessionNumber}
 */
public record QuarantineComparison(String studyInstanceUid, String accessionNumber, long instances,
        IdentitySide images, IdentitySide ordered, IdentityComparison comparison) {
}
