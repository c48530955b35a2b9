package io.hounsfield.archive;

import java.time.Instant;

/**
 * Where and when an instance was stored: the calling AE title (or web source), the time of its indexing, and its
 * series' modality and body part.
 */
public record InstanceOrigin(String source, Instant storedAt, String modality, String bodyPart) {}
