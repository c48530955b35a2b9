package io.hounsfield.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * What staff must see before two identities become one (a merge, images filed under another patient) or before
 * images are rejected: a sex or birth-date difference is a warning that needs an explicit acknowledgement; a side
 * whose sex or birth date is unknown cannot be checked, which is said as a note (an unknown counts as "cannot
 * exclude", never as a match). Wrong-patient merges are the failure IHE PIR corrections exist for (DOMAIN.md SAF-40).
 */
public record IdentityComparison(List<String> warnings, List<String> notes) {

    public IdentityComparison {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** One side as the comparison needs it: how the page calls it, and its sex and birth date (either may be unknown). */
    public record Side(String label, Sex sex, LocalDate birthDate) {}

    public static IdentityComparison of(Side left, Side right, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (known(left.sex()) && known(right.sex()) && left.sex() != right.sex()) {
            warnings.add("The sex does not match: " + sexLabel(left.sex()) + " (" + left.label() + ") and "
                    + sexLabel(right.sex()) + " (" + right.label() + ").");
        }
        for (Side side : List.of(left, right)) {
            if (!known(side.sex())) {
                notes.add("The sex of the " + side.label() + " is not known, so it cannot be checked.");
            }
        }
        if (left.birthDate() != null && right.birthDate() != null && !left.birthDate().equals(right.birthDate())) {
            warnings.add("The birth date does not match: " + left.birthDate() + ", age " + age(left.birthDate(), today)
                    + " (" + left.label() + ") and " + right.birthDate() + ", age " + age(right.birthDate(), today)
                    + " (" + right.label() + ").");
        }
        for (Side side : List.of(left, right)) {
            if (side.birthDate() == null) {
                notes.add("The birth date of the " + side.label() + " is not known, so the age cannot be checked.");
            }
        }
        return new IdentityComparison(warnings, notes);
    }

    /** True when the two sides disagree on something known: confirming then needs an acknowledgement. */
    public boolean mismatch() {
        return !warnings.isEmpty();
    }

    /** Sex as staff read it. */
    public static String sexLabel(Sex sex) {
        return switch (sex) {
            case F -> "female";
            case M -> "male";
            case O -> "other";
            case U -> "unknown";
        };
    }

    /** Age in whole years on {@code today}, or "unknown". */
    public static String age(LocalDate birthDate, LocalDate today) {
        return birthDate == null ? "unknown" : String.valueOf(Period.between(birthDate, today).getYears());
    }

    private static boolean known(Sex sex) {
        return sex == Sex.F || sex == Sex.M;
    }
}
