package io.hounsfield.archive;

import java.time.Instant;

/** What a reject did: how many quarantined instances it set aside, and until when they can be restored. */
public record QuarantineRejection(int instances, Instant restorableUntil) {
}
