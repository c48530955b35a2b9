package io.hounsfield.staff.work;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lead's documented, dated exception: the person may start exams despite a missing competency or an expired
 * licence or card, up to and including {@code validUntil}.
 */
public record WorkException(long id, long staffId, String reason, LocalDate validUntil, Instant recordedAt,
        String recordedBy) {

    public boolean validOn(java.time.LocalDate day) {
        return !validUntil.isBefore(day);
    }
}
