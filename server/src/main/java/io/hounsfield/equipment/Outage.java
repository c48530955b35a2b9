package io.hounsfield.equipment;

import java.time.Instant;

/** An out-of-service unit as the board warns about it. */
public record Outage(String equipmentName, Instant since, String reason) {
}
