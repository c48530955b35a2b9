package io.hounsfield.archive;

/**
 * An instance was stored and indexed (IHE RAD-8 Modality Images Stored). Published in the ingest transaction;
 * listeners that change anything use {@code @TransactionalEventListener} so that they see only committed
 * instances, and must be idempotent: a re-sent instance is reported again.
 *
 * @param accessionNumber as the instance carries it, empty when it has none
 * @param quarantined whether the instance was held back because its identity does not match its exam
 */
public record InstanceStored(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String accessionNumber, String sourceAeTitle, boolean quarantined) {}
