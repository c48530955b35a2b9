package io.hounsfield.staff;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Something of a person's that ends soon or has ended: a credential, a card, a CQR deadline, a biennium still short
 * of credits.
 *
 * @param subject what ends, in words (e.g. "BLS/CPR card")
 * @param date the last day it is valid or due
 */
public record StaffAlert(long staffId, String person, String subject, LocalDate date, ExpiryBand band) {

    /** The alert in a sentence, counted from {@code today}. */
    public String message(LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (band == ExpiryBand.EXPIRED) {
            return subject + ": ended on " + date + ".";
        }
        String when = days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
        return subject + ": ends " + when + ", on " + date + ".";
    }
}
