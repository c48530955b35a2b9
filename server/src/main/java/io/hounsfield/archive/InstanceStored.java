package io.hounsfield.archive;

/**
 * An instance was stored and indexed (IHE RAD-8 Modality Images Stored). Recorded in the ingest transaction and
 * delivered after its commit to every {@link ArchiveEventSubscriber}, at least once: a re-sent instance, or a
 * delivery repeated after a crash, reports it again.
 *
 * @param accessionNumber as the instance carries it, empty when it has none
 * @param sourceAeTitle the calling AE title, or the user who stored it over STOW-RS or import
 * @param quarantined whether the instance was held back because its identity does not match its exam
 */
public record InstanceStored(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String accessionNumber, String sourceAeTitle, boolean quarantined) {}
