package io.hounsfield.staff.records;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The Continuing Qualifications Requirements period of one time-limited ARRT credential: ten years from the day it was
 * earned, completed in the final three (ARRT, "Continuing Qualifications Requirements" and its FAQ, arrt.org/CQR).
 * Credentials earned on or after 1 January 2011 are time-limited, and every R.R.A. credential is. ARRT's own record
 * gives the exact deadline; this is the date a department plans by.
 *
 * @param windowOpens the first day CQR can be completed (seven years after earning)
 * @param due the end of the ten-year period
 */
public record CqrPeriod(String credential, LocalDate earned, LocalDate windowOpens, LocalDate due) {

    /** The first day of time-limited credentials. */
    public static final LocalDate TIME_LIMITED_FROM = LocalDate.of(2011, 1, 1);

    private static final int YEARS = 10;
    private static final int WINDOW_YEARS = 3;

    /** The CQR period of an ARRT credential, or none when the credential is not time-limited. */
    public static Optional<CqrPeriod> of(String credential, LocalDate earned) {
        boolean timeLimited = !earned.isBefore(TIME_LIMITED_FROM) || "RRA".equals(credential);
        if (!timeLimited) {
            return Optional.empty();
        }
        LocalDate due = earned.plusYears(YEARS);
        return Optional.of(new CqrPeriod(credential, earned, due.minusYears(WINDOW_YEARS), due));
    }

    public boolean windowOpen(LocalDate today) {
        return !today.isBefore(windowOpens);
    }
}
