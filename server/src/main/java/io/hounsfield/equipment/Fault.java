package io.hounsfield.equipment;

import java.time.Instant;
import java.util.List;

/**
 * A malfunction logged by a technologist, with what was done about it.
 *
 * @param serviceCalledAt when the vendor was called, with {@code vendorTicket} their reference
 * @param resolution      what fixed it, once resolved
 */
public record Fault(long id, long equipmentId, String symptom, String errorCode, FaultSeverity severity,
        String notes, String reportedBy, Instant reportedAt, String vendorTicket, Instant serviceCalledAt,
        Instant resolvedAt, String resolvedBy, String resolution, List<Action> actions) {

    public Fault {
        actions = List.copyOf(actions);
    }

    /** An action taken: a reset, a recalibration, a part swapped. */
    public record Action(String action, String takenBy, Instant takenAt) {
    }

    public boolean open() {
        return resolvedAt == null;
    }

    public boolean stopsScanning() {
        return severity == FaultSeverity.STOPS_SCANNING;
    }
}
