package io.hounsfield.archive;

/**
 * What became of one instance stored over the web. A failure carries its reason as a DIMSE status (PS3.4 Annex B,
 * as the Failure Reason of PS3.18 §10.5.3 wants): 0xC000 unreadable, 0xA900 UIDs wrong or not of the study stored
 * to, 0xA700 out of resources. UIDs the instance did not tell are {@code null}.
 */
public record StoreResult(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, Outcome outcome, int failureReason, String detail) {

    public enum Outcome {
        STORED,
        /** Already stored and kept as it was (hounsfield.archive.duplicates=KEEP). */
        ALREADY_STORED,
        /** Already stored with other content, which was kept: the warning {@code Failure.DIFFERING_RESEND}. */
        KEPT_DIFFERING,
        /** Stored, but not visible until someone resolves the patient's identity. */
        QUARANTINED,
        FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
