package io.hounsfield.equipment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Whether a room may take the next patient: it must have been cleaned today (the department's day), and since
 * the last exam in it finished.
 *
 * @param why plain words for staff when not ready, null when ready
 */
public record RoomReadiness(String room, boolean ready, String why, Instant lastCleaned) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static RoomReadiness of(String room, Instant lastFinished, Instant lastCleaned, Instant now, ZoneId zone) {
        Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        if (lastCleaned == null || lastCleaned.isBefore(dayStart)) {
            return new RoomReadiness(room, false, "Not cleaned yet today", lastCleaned);
        }
        if (lastFinished != null && lastFinished.isAfter(lastCleaned)) {
            return new RoomReadiness(room, false, "An exam finished at " + TIME.format(lastFinished.atZone(zone))
                    + "; not cleaned since", lastCleaned);
        }
        return new RoomReadiness(room, true, null, lastCleaned);
    }
}
