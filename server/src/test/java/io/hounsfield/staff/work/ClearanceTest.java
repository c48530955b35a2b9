package io.hounsfield.staff.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.security.Role;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffMember;
import io.hounsfield.staff.learning.StudentRequirements;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final StaffMember TECH = new StaffMember(1, 1, "tess", "Tess Tech", Role.TECHNOLOGIST, Month.MAY,
            null, null, null);
    private static final StaffMember STUDENT = new StaffMember(2, 2, "sam", "Sam Student", Role.STUDENT, null,
            "Radiography", StudentRequirements.RADIOGRAPHY_2022, null);
    private static final Credential RADIOGRAPHY = arrt(10, "R", TODAY.plusMonths(5));
    private static final Credential CARD = new Credential(11, 1, CredentialKind.BLS, "AHA BLS", "B1",
            TODAY.minusYears(1), TODAY.plusYears(1));

    @Test
    void aRadiographerMayPerformRadiographyButNotCt() {
        List<Credential> credentials = List.of(RADIOGRAPHY, CARD);

        assertThat(Clearance.problems(TECH, credentials, List.of(), "DX", "XRCHEST1", TODAY)).isEmpty();
        assertThat(Clearance.problems(TECH, credentials, List.of(), "CT", "CTHEAD", TODAY))
                .containsExactly("no CT credential in date and no site sign-off for CT is on file");
    }

    @Test
    void aSiteSignOffCoversItsModalityOrOnlyItsProcedure() {
        Competency allCt = new Competency(1, 1, "CT", null, null, TODAY, "lead");
        Competency headOnly = new Competency(2, 1, "CT", "CTHEAD", null, TODAY, "lead");

        assertThat(Clearance.competent(List.of(), List.of(allCt), "CT", "CTKUB", TODAY)).isTrue();
        assertThat(Clearance.competent(List.of(), List.of(headOnly), "CT", "CTHEAD", TODAY)).isTrue();
        assertThat(Clearance.competent(List.of(), List.of(headOnly), "CT", "CTKUB", TODAY)).isFalse();
    }

    @Test
    void anExpiredCredentialCoversNothing() {
        Credential lapsedCt = arrt(12, "CT", TODAY.minusDays(1));

        assertThat(Clearance.competent(List.of(lapsedCt), List.of(), "CT", "CTHEAD", TODAY)).isFalse();
    }

    @Test
    void anExpiredOrMissingCardBlocksEvenAStudent() {
        Credential lapsedCard = new Credential(13, 1, CredentialKind.BLS, "AHA BLS", "B0", TODAY.minusYears(2),
                TODAY.minusDays(3));

        assertThat(Clearance.problems(TECH, List.of(RADIOGRAPHY, lapsedCard), List.of(), "DX", null, TODAY))
                .containsExactly("the BLS/CPR card expired on 2026-11-30");
        assertThat(Clearance.problems(STUDENT, List.of(), List.of(), "CT", null, TODAY))
                .containsExactly("no BLS/CPR card is on file");
        assertThat(Clearance.problems(STUDENT, List.of(CARD), List.of(), "CT", null, TODAY)).isEmpty();
    }

    @Test
    void aLapsedLicenceBlocksNoLicenceDoesNot() {
        Credential lapsed = new Credential(14, 1, CredentialKind.LICENCE, "CA CRT", "L1", TODAY.minusYears(2),
                TODAY.minusDays(1));
        Credential renewed = new Credential(15, 1, CredentialKind.LICENCE, "CA CRT", "L1", TODAY.minusDays(1),
                TODAY.plusYears(2));

        assertThat(Clearance.problems(TECH, List.of(RADIOGRAPHY, CARD, lapsed), List.of(), "DX", null, TODAY))
                .containsExactly("the state licence expired on 2026-12-02");
        assertThat(Clearance.problems(TECH, List.of(RADIOGRAPHY, CARD, lapsed, renewed), List.of(), "DX", null, TODAY))
                .isEmpty();
    }

    private static Credential arrt(long id, String code, LocalDate expires) {
        return new Credential(id, 1, CredentialKind.ARRT, code, "123", LocalDate.of(2015, 6, 1), expires);
    }
}
