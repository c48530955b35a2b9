package io.hounsfield.patient;

/**
 * Published inside the merge's transaction when {@code merged} became part of {@code survivor}
 * (HL7 A40, or a trauma patient reconciled to the real one). Features that keep patient ids move
 * their rows; the archive rewrites Patient ID and name in stored objects.
 */
public record PatientsMerged(long survivorId, long mergedId, PatientIdentifier priorIdentifier, boolean wasTemporary) {}
