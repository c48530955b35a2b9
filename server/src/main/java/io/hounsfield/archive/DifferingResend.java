package io.hounsfield.archive;

import java.time.Instant;

/** An instance sent again with other content than the stored copy, which was kept (see the resends page). */
public record DifferingResend(Instant receivedAt, String sourceAeTitle, String sopInstanceUid, String studyInstanceUid,
        String storedTransferSyntaxUid, String receivedTransferSyntaxUid) {
}
