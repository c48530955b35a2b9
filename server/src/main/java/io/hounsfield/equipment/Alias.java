package io.hounsfield.equipment;

import java.time.Instant;

/** A header value known to name this unit. */
public record Alias(long equipmentId, AliasKind kind, String value, Instant addedAt) {
}
