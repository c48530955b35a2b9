package io.hounsfield.equipment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A unit's downtime over a window: the time it spent OUT_OF_SERVICE according to its status history. LIMITED
 * counts as up (patients are still scanned).
 *
 * @param window the length of the window, {@code down} the part of it spent out of service
 */
public record Uptime(long equipmentId, String name, Duration window, Duration down) {

    /** Percent of the window in service, 0–100. */
    public double percent() {
        return window.isZero() ? 100 : 100.0 * (window.toMillis() - down.toMillis()) / window.toMillis();
    }

    /**
     * The time out of service within [from, to).
     *
     * @param atStart the status at {@code from} (the last change before it, or IN_SERVICE)
     * @param changes the changes after {@code from}, oldest first; those at or after {@code to} are ignored
     */
    static Duration outOfService(EquipmentStatus atStart, List<StatusChange> changes, Instant from, Instant to) {
        Duration down = Duration.ZERO;
        EquipmentStatus status = atStart;
        Instant since = from;
        for (StatusChange change : changes) {
            Instant at = change.changedAt();
            if (!at.isAfter(from) || !at.isBefore(to)) {
                continue;
            }
            if (status == EquipmentStatus.OUT_OF_SERVICE) {
                down = down.plus(Duration.between(since, at));
            }
            status = change.to();
            since = at;
        }
        if (status == EquipmentStatus.OUT_OF_SERVICE) {
            down = down.plus(Duration.between(since, to));
        }
        return down;
    }
}
