package io.hounsfield.equipment;

import java.time.Instant;

/** A recorded status decision: who set which status, when and why. {@code from} is null for the first. */
public record StatusChange(long equipmentId, EquipmentStatus from, EquipmentStatus to, String reason,
        String changedBy, Instant changedAt) {
}
