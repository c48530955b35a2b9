package io.hounsfield.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AAPM notification values by body part, age and phantom, and the alert value on the added CTDIvol. */
class DoseChecksTest {
    private static final List<String> HEAD = List.of("HEAD", "BRAIN");
    private static final List<String> TORSO = List.of("CHEST", "ABDOMENPELVIS");
    private static final List<DoseLevel> LEVELS = List.of(
            level("CT-HEAD-ADULT", "Adult head", HEAD, 6, null, null, "NOTIFICATION", 80),
            level("CT-HEAD-UNDER2", "Head under 2", HEAD, 0, 2, null, "NOTIFICATION", 50),
            level("CT-HEAD-2TO5", "Head 2 to 5", HEAD, 2, 6, null, "NOTIFICATION", 60),
            level("CT-TORSO-ADULT", "Adult torso", TORSO, 10, null, null, "NOTIFICATION", 50),
            level("CT-TORSO-16", "Torso under 10, 16 cm", TORSO, 0, 10, "head, 16 cm", "NOTIFICATION", 25),
            level("CT-TORSO-32", "Torso under 10, 32 cm", TORSO, 0, 10, "body, 32 cm", "NOTIFICATION", 10),
            level("CT-ALERT", "Any CT exam", List.of("*"), 0, null, null, "ALERT", 1000));

    @Test
    void anAdultHeadAbove80MilligrayIsAboveItsNotificationValue() {
        List<DoseCheck> checks = DoseChecks.check(ct(acquisition("Head", 92.5, null)), LEVELS, "HEAD", 54);

        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).exceeded()).isTrue();
        assertThat(checks.get(0).inWords())
                .isEqualTo("Head: CTDIvol 92.50 mGy is above the notification value of 80 mGy (Adult head)");
        assertThat(checks.get(1).exceeded()).as("the alert value").isFalse();
    }

    @Test
    void childrenAreCheckedAgainstTheirAgeAndPhantom() {
        assertThat(DoseChecks.check(ct(acquisition("Head", 55, null)), LEVELS, "HEAD", 3).get(0))
                .satisfies(check -> {
                    assertThat(check.level().value()).isEqualTo(60);
                    assertThat(check.exceeded()).isFalse();
                });
        assertThat(DoseChecks.check(ct(acquisition("Head", 55, null)), LEVELS, "HEAD", 1).get(0).exceeded()).isTrue();
        assertThat(DoseChecks.check(ct(acquisition("Abdomen", 12, "head, 16 cm")), LEVELS, "ABDOMENPELVIS", 8)
                .get(0).exceeded()).isFalse();
        assertThat(DoseChecks.check(ct(acquisition("Abdomen", 12, "body, 32 cm")), LEVELS, "ABDOMENPELVIS", 8)
                .get(0).exceeded()).isTrue();
        assertThat(DoseChecks.check(ct(acquisition("Abdomen", 12, null)), LEVELS, "ABDOMENPELVIS", 8).get(0)
                .level().value()).as("an unknown phantom takes the stricter value").isEqualTo(10);
        assertThat(DoseChecks.check(ct(acquisition("Chest", 12, "body, 32 cm")), LEVELS, "CHEST", 10).get(0)
                .level().value()).as("from 10 years the adult torso").isEqualTo(50);
    }

    @Test
    void theAlertValueIsCheckedOnTheCtdiVolAddedOverTheExamAndAppliesToAnyBodyPart() {
        ExamDose perfusion = ct(acquisition("Perfusion 1", 520, null), acquisition("Perfusion 2", 510.5, null));

        List<DoseCheck> checks = DoseChecks.check(perfusion, LEVELS, "KNEE", 40);

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.level().alert()).isTrue();
            assertThat(check.value()).isEqualTo(1030.5);
            assertThat(check.exceeded()).isTrue();
            assertThat(check.what()).isEqualTo("The whole exam");
        });
    }

    @Test
    void fluoroscopyTotalsAreCheckedAgainstTheFollowUpLevelsTheyHave() {
        List<DoseLevel> followUps = List.of(
                followUp("FLUORO-KAR-SRDL", "DOSE_RP", 5000, "mGy"), followUp("FLUORO-DAP-SRDL", "DAP", 500, "Gy·cm²"),
                followUp("FLUORO-TIME-SRDL", "FLUORO_TIME", 3600, "s"));
        ExamDose embolisation = new ExamDose("dose report", List.of(), null, List.of(), 412.5, 5210.0, null,
                List.of());

        List<DoseCheck> checks = DoseChecks.followUps(embolisation, followUps);

        assertThat(checks).extracting(DoseCheck::inWords).containsExactly(
                "The whole exam: Dose at the reference point 5210.00 mGy is above the follow-up level of 5000 mGy"
                        + " (Any exam)",
                "The whole exam: Dose area product 412.50 Gy·cm² is within the follow-up level of 500 Gy·cm² (Any exam)");
        assertThat(DoseChecks.check(embolisation, LEVELS, "HEAD", 60)).as("no CT acquisition").isEmpty();
    }

    private static DoseLevel followUp(String key, String metric, double value, String unit) {
        return new DoseLevel(1, key, 1, "Any exam", List.of("*"), 0, null, null, "FOLLOW_UP", metric, value, unit,
                null, "NCRP 168", null, "S", "system", Instant.EPOCH, null, true);
    }

    private static ExamDose.Acquisition acquisition(String label, double ctdiVol, String phantom) {
        return new ExamDose.Acquisition(label, ctdiVol, null, phantom, null);
    }

    private static ExamDose ct(ExamDose.Acquisition... acquisitions) {
        return new ExamDose("dose report", List.of(acquisitions), null, List.of(), null, null, null, List.of());
    }

    private static DoseLevel level(String key, String description, List<String> parts, int from, Integer below,
            String phantom, String kind, double value) {
        return new DoseLevel(1, key, 1, description, parts, from, below, phantom, kind, "CTDIVOL", value, "mGy",
                null, "AAPM", null, "V", "system", Instant.EPOCH, null, true);
    }
}
