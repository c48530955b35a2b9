package io.hounsfield.staff.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.security.Role;
import io.hounsfield.staff.Biennium;
import io.hounsfield.staff.CeProgress;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.ExpiryBand;
import io.hounsfield.staff.StaffAlert;
import io.hounsfield.staff.StaffMember;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final StaffMember TECH = new StaffMember(1, 1, "tess", "Tess Tech", Role.TECHNOLOGIST,
            Month.FEBRUARY, null, null, null);

    @Test
    void eachCredentialInItsBandTheNearestFirst() {
        List<Credential> credentials = List.of(
                new Credential(1, 1, CredentialKind.BLS, "AHA BLS", "B1", TODAY.minusYears(2), TODAY.plusDays(20)),
                new Credential(2, 1, CredentialKind.LICENCE, "CA CRT", "L1", TODAY.minusYears(2), TODAY.plusDays(80)),
                new Credential(3, 1, CredentialKind.ARRT, "R", "9", LocalDate.of(2009, 1, 5), TODAY.plusDays(200)),
                new Credential(4, 1, CredentialKind.OTHER, "RDMS", "R7", TODAY.minusYears(3), TODAY.minusDays(2)));

        List<StaffAlert> alerts = Alerts.of(TECH, credentials, Optional.empty(), TODAY);

        assertThat(alerts).extracting(StaffAlert::band).containsExactly(ExpiryBand.EXPIRED,
                ExpiryBand.WITHIN_30_DAYS, ExpiryBand.WITHIN_90_DAYS);
        assertThat(alerts.get(1).message(TODAY)).isEqualTo("BLS/CPR card AHA BLS: ends in 20 days, on 2026-12-23.");
        assertThat(alerts.get(0).message(TODAY)).endsWith("ended on 2026-12-01.");
    }

    @Test
    void aRenewedCardSilencesTheOldOne() {
        List<Credential> credentials = List.of(
                new Credential(1, 1, CredentialKind.BLS, "AHA BLS", "B1", TODAY.minusYears(2), TODAY.minusDays(5)),
                new Credential(2, 1, CredentialKind.BLS, "AHA BLS", "B2", TODAY.minusDays(6), TODAY.plusYears(2)));

        assertThat(Alerts.of(TECH, credentials, Optional.empty(), TODAY)).isEmpty();
    }

    @Test
    void aCqrDeadlineAndAShortBienniumAreAlertsToo() {
        Credential ct = new Credential(1, 1, CredentialKind.ARRT, "CT", "9", LocalDate.of(2017, 1, 10), null);
        CeProgress shortOfCredits = new CeProgress(new Biennium(LocalDate.of(2025, 2, 1), LocalDate.of(2027, 1, 31)),
                new BigDecimal("18.5"));

        List<StaffAlert> alerts = Alerts.of(TECH, List.of(ct), Optional.of(shortOfCredits), TODAY);

        assertThat(alerts).extracting(StaffAlert::subject).containsExactly(
                "Continuing Qualifications Requirements for Computed Tomography (CT)",
                "CE biennium with 5.5 of 24 credits still to earn");
        assertThat(alerts).extracting(StaffAlert::date).containsExactly(LocalDate.of(2027, 1, 10),
                LocalDate.of(2027, 1, 31));
    }

    @Test
    void aMetBienniumRaisesNothing() {
        CeProgress met = new CeProgress(new Biennium(LocalDate.of(2025, 2, 1), LocalDate.of(2027, 1, 31)),
                new BigDecimal("24"));

        assertThat(Alerts.of(TECH, List.of(), Optional.of(met), TODAY)).isEmpty();
        assertThat(met.percent()).isEqualTo(100);
    }
}
