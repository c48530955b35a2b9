package io.hounsfield.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityComparisonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void anotherSexIsAWarning() {
        IdentityComparison comparison = IdentityComparison.of(new IdentityComparison.Side("temporary patient", Sex.F, null),
                new IdentityComparison.Side("real patient", Sex.M, LocalDate.of(1988, 1, 9)), TODAY);

        assertThat(comparison.mismatch()).isTrue();
        assertThat(comparison.warnings()).containsExactly(
                "The sex does not match: female (temporary patient) and male (real patient).");
        assertThat(comparison.notes()).containsExactly(
                "The birth date of the temporary patient is not known, so the age cannot be checked.");
    }

    @Test
    void anotherBirthDateIsAWarningWithBothAges() {
        IdentityComparison comparison = IdentityComparison.of(new IdentityComparison.Side("images", Sex.F,
                LocalDate.of(1970, 1, 1)), new IdentityComparison.Side("exam", Sex.F, LocalDate.of(1961, 4, 2)), TODAY);

        assertThat(comparison.warnings()).containsExactly("The birth date does not match: 1970-01-01, age 56 (images)"
                + " and 1961-04-02, age 65 (exam).");
    }

    @Test
    void anUnknownSexIsNeitherAMatchNorAMismatchButSaidSo() {
        IdentityComparison comparison = IdentityComparison.of(new IdentityComparison.Side("temporary patient", Sex.U,
                LocalDate.of(1988, 1, 9)), new IdentityComparison.Side("real patient", Sex.M, LocalDate.of(1988, 1, 9)),
                TODAY);

        assertThat(comparison.mismatch()).isFalse();
        assertThat(comparison.notes()).containsExactly(
                "The sex of the temporary patient is not known, so it cannot be checked.");
    }

    @Test
    void theSamePersonHasNothingToSay() {
        IdentityComparison.Side side = new IdentityComparison.Side("a", Sex.M, LocalDate.of(1988, 1, 9));
        IdentityComparison comparison = IdentityComparison.of(side, new IdentityComparison.Side("b", Sex.M,
                LocalDate.of(1988, 1, 9)), TODAY);

        assertThat(comparison.warnings()).isEmpty();
        assertThat(comparison.notes()).isEmpty();
    }
}
