package io.hounsfield.staff;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * An R.T.'s continuing-education biennium: 24 months from the first day of the birth month to the last day of the
 * month before it two years later. The first begins on the first birth month after the person was first certified,
 * and the dates stay the same whatever credentials are added later (ARRT <i>Continuing Education Requirements</i>,
 * rev. 1 Sept 2024; arrt.org, "Biennial CE requirements").
 *
 * @param start the first day of the birth month
 * @param end the last day of the month before the birth month, two years later
 */
public record Biennium(LocalDate start, LocalDate end) {

    /** Credits an R.T. must earn in a biennium (R.R.A.s need 50, not modelled here). */
    public static final int REQUIRED_CREDITS = 24;

    private static final int MONTHS = 24;

    /**
     * The biennium {@code day} falls in; before the first one begins, the first one.
     *
     * @param firstCertified the date the person first earned an ARRT credential
     */
    public static Biennium containing(LocalDate day, Month birthMonth, LocalDate firstCertified) {
        LocalDate first = LocalDate.of(firstCertified.getYear(), birthMonth, 1);
        if (!first.isAfter(firstCertified)) {
            first = first.plusYears(1);
        }
        if (day.isBefore(first)) {
            return starting(first);
        }
        long elapsed = ChronoUnit.MONTHS.between(first, day);
        return starting(first.plusMonths(elapsed / MONTHS * MONTHS));
    }

    private static Biennium starting(LocalDate start) {
        return new Biennium(start, start.plusMonths(MONTHS).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
