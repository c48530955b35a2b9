package io.hounsfield.quality.reject;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.archive.ImageCount;
import io.hounsfield.archive.StudyImageCount;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TG-151 rates: rejected ÷ (rejected + accepted) × 100 per group, the technologist's from the studies they performed. */
class RejectAnalysisTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    private static final Instant MARCH = Instant.parse("2026-03-10T09:00:00Z");

    @Test
    void ratesPerRoomBodyPartMonthAndReasonShareTheDenominatorOfTheirGroup() {
        List<ImageCount> images = List.of(new ImageCount("DX1", "CHEST", LocalDate.of(2026, 3, 1), 20),
                new ImageCount("DX2", "", LocalDate.of(2026, 3, 1), 5));
        RejectAnalysis.Result result = RejectAnalysis.of(List.of(reject("1.1", "DX1", "CHEST", "Positioning"),
                reject("1.1", "DX2", "", "Motion blur")), images, List.of(), Map.of(), ZONE);

        assertThat(result.total()).isEqualTo(new RejectAnalysis.Row("all", 2, 25, 8.0));
        assertThat(result.byRoom()).containsExactly(new RejectAnalysis.Row("DX1", 1, 20, 5.0),
                new RejectAnalysis.Row("DX2", 1, 5, 20.0));
        assertThat(result.byBodyPart()).extracting(RejectAnalysis.Row::group)
                .containsExactly("(not recorded)", "CHEST");
        assertThat(result.byMonth()).containsExactly(new RejectAnalysis.Row("2026-03", 2, 25, 8.0));
        assertThat(result.byReason()).extracting(RejectAnalysis.Row::rate).containsExactly(4.0, 4.0);
        assertThat(result.byRoom().get(1).outside()).isTrue();
        assertThat(result.total().outside()).isFalse();
    }

    @Test
    void aTechnologistsRateCountsTheImagesOfTheStudiesTheyPerformed() {
        List<StudyImageCount> studies = List.of(new StudyImageCount("1.1", "A1", 4),
                new StudyImageCount("1.2", "A2", 6), new StudyImageCount("1.3", "A3", 10),
                new StudyImageCount("1.4", "", 3));
        Map<String, String> technologists = Map.of("1.1", "anna", "1.2", "anna", "1.3", "ben");
        RejectAnalysis.Result result = RejectAnalysis.of(List.of(reject("1.1", "DX1", "CHEST", "Positioning"),
                reject("1.2", "DX1", "CHEST", "Positioning"), reject("1.4", "DX1", "CHEST", "Positioning")),
                List.of(), studies, technologists, ZONE);

        assertThat(result.byTechnologist()).containsExactly(new RejectAnalysis.Row("(not recorded)", 1, 3, 33.3),
                new RejectAnalysis.Row("anna", 2, 10, 20.0), new RejectAnalysis.Row("ben", 0, 10, 0.0));
    }

    @Test
    void aGroupWithoutImagesHasNoRate() {
        RejectAnalysis.Result result = RejectAnalysis.of(List.of(reject("9.9", "DX3", "HAND", "Positioning")),
                List.of(), List.of(), Map.of(), ZONE);

        assertThat(result.byTechnologist()).containsExactly(new RejectAnalysis.Row("(not recorded)", 1, 0, null));
        assertThat(result.byRoom().get(0).outside()).isFalse();
        assertThat(result.byRoom().get(0).barWidth()).isZero();
    }

    private static RejectionRecords.Rejected reject(String study, String room, String bodyPart, String reason) {
        return new RejectionRecords.Rejected(study + ".9", study, "111209", reason, "", room, bodyPart, "operator",
                MARCH, MARCH, study + ".8", null);
    }
}
