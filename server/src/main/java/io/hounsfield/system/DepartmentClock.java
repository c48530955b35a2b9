package io.hounsfield.system;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The department's clock, the only source of "now" in the server: the system clock in the JVM's time zone
 * (set {@code TZ} or {@code -Duser.timezone}). {@code hounsfield.clock.start} makes it start at another local
 * time (or date and time) and tick from there, so that the demo and the test suite can be run as if it were
 * 03:00 or 23:30. The audit trail keeps the database's real time.
 */
final class DepartmentClock {

    private DepartmentClock() {}

    /**
     * @param start empty for the real time, else {@code HH:mm} (today) or {@code yyyy-MM-ddTHH:mm}
     */
    static Clock of(String start, Clock real) {
        if (start == null || start.isBlank()) {
            return real;
        }
        LocalDateTime wanted = parse(start.strip(), LocalDate.now(real));
        return Clock.offset(real, Duration.between(real.instant(), wanted.atZone(real.getZone()).toInstant()));
    }

    private static LocalDateTime parse(String start, LocalDate today) {
        try {
            return start.contains("T") ? LocalDateTime.parse(start) : today.atTime(LocalTime.parse(start));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "hounsfield.clock.start must be a time such as 23:30 or a date and time such as 2026-12-01T23:30, not "
                            + start, e);
        }
    }
}
