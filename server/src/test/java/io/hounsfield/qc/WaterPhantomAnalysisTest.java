package io.hounsfield.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hounsfield.dicom.image.ModalityLut;
import io.hounsfield.dicom.image.Raster;
import org.junit.jupiter.api.Test;

class WaterPhantomAnalysisTest {

    private static final WaterTolerances TOLERANCES = WaterTolerances.ACR_DAILY.withBaseline(5.0);

    @Test
    void measuresSignedDiskWithInterceptZero() {
        Raster image = PhantomImages.disk(1.5, 5, 200, 0.7, true, 0, 0, null, 1);
        PhantomMeasurement measured = analyse(image, 0, null, 0.7);
        assertThat(measured.meanHu()).isCloseTo(1.5, within(0.5));
        assertThat(measured.noiseSdHu()).isCloseTo(5, within(0.5));
        assertThat(measured.uniformityHu()).isLessThan(0.5 + 0.5);
        assertThat(measured.phantomDiameterMm()).isCloseTo(200, within(2.0));
        assertThat(measured.roiMeans()).containsOnlyKeys("centre", "12h", "3h", "6h", "9h");
        assertThat(TOLERANCES.judge(measured).outcome()).isEqualTo(QcOutcome.PASS);
    }

    @Test
    void unsignedWithOffsetInterceptAndPaddingOutsideTheReconstructionCircle() {
        Raster image = PhantomImages.disk(-2, 5, 320, 0.7, false, -1024, 0, 0, 2);
        PhantomMeasurement measured = analyse(image, -1024, 0L, 0.7);
        assertThat(measured.meanHu()).isCloseTo(-2, within(0.5));
        assertThat(measured.noiseSdHu()).isCloseTo(5, within(0.5));
        assertThat(measured.phantomDiameterMm()).isCloseTo(320, within(2.0));
        assertThat(TOLERANCES.judge(measured).passed()).isTrue();
    }

    @Test
    void signedPaddingOf3024AndMinus2000IsIgnored() {
        for (int padding : new int[] {-3024, -2000}) {
            Raster image = PhantomImages.disk(0, 5, 210, 0.6, true, 0, 0, padding, 3);
            PhantomMeasurement measured = analyse(image, 0, null, 0.6);
            assertThat(measured.phantomDiameterMm()).isCloseTo(210, within(2.0));
            assertThat(measured.meanHu()).isCloseTo(0, within(0.5));
        }
    }

    @Test
    void knownEdgeOffsetIsTheUniformity() {
        Raster image = PhantomImages.disk(0, 3, 200, 0.5, true, 0, 4, null, 4);
        PhantomMeasurement measured = analyse(image, 0, null, 0.5);
        assertThat(measured.uniformityHu()).isCloseTo(4, within(0.5));
        assertThat(measured.roiMeans().get("3h")).isCloseTo(4, within(0.5));
        assertThat(WaterTolerances.ACR_DAILY.withBaseline(3.0).judge(measured).passed()).isTrue();
        Raster cupped = PhantomImages.disk(0, 3, 200, 0.5, true, 0, 7, null, 4);
        QcOutcome outcome = TOLERANCES.judge(analyse(cupped, 0, null, 0.5));
        assertThat(outcome.outcome()).isEqualTo(QcOutcome.FAIL);
        assertThat(outcome.reasons()).anyMatch(reason -> reason.startsWith("Uniformity"));
    }

    @Test
    void smallFovAndSmallPhantom() {
        Raster image = PhantomImages.disk(0.5, 4, 160, 0.35, true, 0, 0, null, 5);
        PhantomMeasurement measured = analyse(image, 0, null, 0.35);
        assertThat(measured.phantomDiameterMm()).isCloseTo(160, within(2.0));
        assertThat(measured.meanHu()).isCloseTo(0.5, within(0.5));
        assertThat(measured.noiseSdHu()).isCloseTo(4, within(0.5));
    }

    @Test
    void tenHuOffsetFails() {
        Raster image = PhantomImages.disk(10, 5, 200, 0.7, false, -1024, 0, null, 6);
        PhantomMeasurement measured = analyse(image, -1024, null, 0.7);
        assertThat(measured.meanHu()).isCloseTo(10, within(0.5));
        QcOutcome outcome = TOLERANCES.judge(measured);
        assertThat(outcome.outcome()).isEqualTo(QcOutcome.FAIL);
        assertThat(outcome.reasons()).singleElement().asString().matches("Water CT number (9\\.[5-9]|10\\.[0-5]) HU is outside -5 to 5 HU");
    }

    @Test
    void noisyAgainstBaselineFails() {
        Raster image = PhantomImages.disk(0, 7, 200, 0.7, true, 0, 0, null, 7);
        QcOutcome outcome = TOLERANCES.judge(analyse(image, 0, null, 0.7));
        assertThat(outcome.outcome()).isEqualTo(QcOutcome.FAIL);
        assertThat(outcome.reasons()).anyMatch(reason -> reason.startsWith("Noise"));
        assertThat(WaterTolerances.ACR_DAILY.judge(analyse(image, 0, null, 0.7)).reasons())
                .contains("Noise not judged yet: no baseline established");
    }

    @Test
    void allAirIsNotAnalysable() {
        Raster image = PhantomImages.disk(0, 5, 0.001, 0.7, true, 0, 0, null, 8);
        PhantomMeasurement measured = analyse(image, 0, null, 0.7);
        assertThat(measured.analysable()).isFalse();
        assertThat(measured.notAnalysableReason()).isEqualTo(WaterPhantomAnalysis.NO_PHANTOM);
        QcOutcome outcome = TOLERANCES.judge(measured);
        assertThat(outcome.outcome()).isEqualTo(QcOutcome.NOT_ANALYSABLE);
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void headIsNotAnalysable() {
        PhantomMeasurement measured = analyse(PhantomImages.head(9), 0, null, 0.5);
        assertThat(measured.analysable()).isFalse();
        assertThat(measured.notAnalysableReason()).startsWith(WaterPhantomAnalysis.NO_PHANTOM);
    }

    @Test
    void missingPixelSpacingIsNotAnalysable() {
        Raster image = PhantomImages.disk(0, 5, 200, 0.7, true, 0, 0, null, 10);
        assertThat(WaterPhantomAnalysis.analyse(image, ModalityLut.identity(), null, 0, 0).analysable()).isFalse();
    }

    private static PhantomMeasurement analyse(Raster image, double intercept, Long padding, double pixelMm) {
        return WaterPhantomAnalysis.analyse(image, ModalityLut.rescale(1, intercept), padding, pixelMm, pixelMm);
    }
}
