package io.hounsfield.staff;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How close a date that ends something is: past, within 30 days, within 90 days. A card or licence is valid to the
 * end of its expiry day. The 90- and 30-day warnings follow the design suggestion for BLS cards (AHA BLS Provider,
 * valid two years).
 */
public enum ExpiryBand {
    EXPIRED("Expired"),
    WITHIN_30_DAYS("Within 30 days"),
    WITHIN_90_DAYS("Within 90 days");

    public static final int SOON_DAYS = 30;
    public static final int AHEAD_DAYS = 90;

    private final String label;

    ExpiryBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of {@code ends} seen on {@code today}; none when it is more than 90 days away or open-ended. */
    public static Optional<ExpiryBand> of(LocalDate ends, LocalDate today) {
        if (ends == null) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(today, ends);
        if (days < 0) {
            return Optional.of(EXPIRED);
        }
        if (days <= SOON_DAYS) {
            return Optional.of(WITHIN_30_DAYS);
        }
        return days <= AHEAD_DAYS ? Optional.of(WITHIN_90_DAYS) : Optional.empty();
    }
}
