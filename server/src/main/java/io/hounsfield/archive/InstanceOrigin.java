package io.hounsfield.archive;

import java.time.Instant;

/** Where and when an instance was stored: the calling AE title (or web source) and the time of its indexing. */
public record InstanceOrigin(String source, Instant storedAt) {}
