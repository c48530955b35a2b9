package io.hounsfield.archive.events;

import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StudyQuiesced;
import java.time.Instant;

/**
 * One numbered archive event as the outbox holds it, as {@code /api/changes} lists it.
 *
 * @param seq its number: every later event has a higher one
 * @param time when it was recorded
 * @param seriesInstanceUid empty for a {@link Type#StudyQuiesced}, as are {@code sopInstanceUid} and
 *     {@code sourceAeTitle}
 */
public record Change(long seq, Type type, Instant time, String studyInstanceUid, String seriesInstanceUid,
        String sopInstanceUid, String accessionNumber, String sourceAeTitle, boolean quarantined) {

    /** The kinds of event, named as the archive API's records are. */
    public enum Type { InstanceStored, StudyQuiesced }

    InstanceStored instanceStored() {
        return new InstanceStored(studyInstanceUid, seriesInstanceUid, sopInstanceUid, accessionNumber, sourceAeTitle,
                quarantined);
    }

    StudyQuiesced studyQuiesced() {
        return new StudyQuiesced(studyInstanceUid, accessionNumber);
    }
}
