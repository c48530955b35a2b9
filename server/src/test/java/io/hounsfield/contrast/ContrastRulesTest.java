package io.hounsfield.contrast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContrastRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final ContrastAgent GADOPENTETATE = new ContrastAgent("GADOPENTETATE", "Gadopentetate dimeglumine",
            "GBCA", "I", new BigDecimal("0.5"), "mmol/mL");
    private static final ContrastAgent GADOBUTROL = new ContrastAgent("GADOBUTROL", "Gadobutrol", "GBCA", "II",
            BigDecimal.ONE, "mmol/mL");

    private static ContrastAnswers egfr(int egfr) {
        return new ContrastAnswers(egfr, null, "NONE", false, false, false, null, null, false, false, false, false,
                null);
    }

    @Test
    void anEgfrOf25ForIvIodinatedContrastNeedsARadiologistsDecision() {
        assertThat(egfr(25).risk(true, false, false)).isEqualTo("HIGH_RISK");
        assertThat(egfr(38).risk(true, false, false)).isEqualTo("CAUTION");
        assertThat(egfr(60).risk(true, false, false)).isEqualTo("NO_RISK");
    }

    @Test
    void aGroupOneGadoliniumAgentWithEgfr29IsRefusedAndGroupTwoAllowed() {
        assertThatThrownBy(() -> ContrastRules.refuseGroupOne(GADOPENTETATE, egfr(29).severeKidneyFinding()))
                .isInstanceOf(HounsfieldException.class).hasMessageContaining("ACR group I")
                .hasMessageContaining("Choose a group II agent");
        ContrastRules.refuseGroupOne(GADOBUTROL, egfr(29).severeKidneyFinding());
        ContrastRules.refuseGroupOne(GADOPENTETATE, egfr(30).severeKidneyFinding());
    }

    @Test
    void aPremedicatedExamStartsOnlyAfterTheRegimensWaitFromTheLastDose() {
        Instant last = Instant.parse("2026-12-03T12:10:00Z");
        List<PremedicationRule.Dose> doses = List.of(
                new PremedicationRule.Dose(PremedicationRegimen.ORAL_PREDNISONE_13H, "Prednisone 50 mg by mouth",
                        last.minus(Duration.ofHours(12))),
                new PremedicationRule.Dose(PremedicationRegimen.ORAL_PREDNISONE_13H, "Diphenhydramine 50 mg", last));
        assertThat(PremedicationRule.notYet(doses, last.plus(Duration.ofMinutes(59)), ZONE))
                .contains("Premedication: last dose at 13:10; the exam can start from 14:10");
        assertThat(PremedicationRule.notYet(doses, last.plus(Duration.ofHours(1)), ZONE)).isEmpty();
        assertThat(PremedicationRule.notYet(List.of(), last, ZONE)).isPresent();
    }

    @Test
    void theAcceleratedIvRegimenAlsoWaitsFourHoursFromTheFirstDose() {
        Instant first = Instant.parse("2026-12-03T08:00:00Z");
        List<PremedicationRule.Dose> doses = List.of(
                new PremedicationRule.Dose(PremedicationRegimen.ACCELERATED_IV, "Methylprednisolone 40 mg IV", first),
                new PremedicationRule.Dose(PremedicationRegimen.ACCELERATED_IV, "Diphenhydramine 50 mg IV",
                        first.plus(Duration.ofHours(1))));
        assertThat(PremedicationRule.notYet(doses, first.plus(Duration.ofHours(3)), ZONE))
                .hasValueSatisfying(wait -> assertThat(wait).contains("first dose at 09:00").contains("from 13:00"));
        assertThat(PremedicationRule.notYet(doses, first.plus(Duration.ofHours(4)), ZONE)).isEmpty();
    }
}
