package io.hounsfield.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.NotDecodableException;
import io.hounsfield.dicom.image.Raster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checks on generated images with known statistics and exposure indices. */
class ImageChecksTest {

    static final Thresholds DEFAULTS = new Thresholds(defaults());

    @Test
    void aUniformImageIsBlankAndANoisyOneHasContent() {
        assertThat(result(run(radiograph(), raster(size -> 2000)), "BLANK").outcome()).isEqualTo("FAIL");
        CheckResult noisy = result(run(radiograph(), raster(noise(2000, 300))), "BLANK");
        assertThat(noisy.outcome()).isEqualTo("PASS");
        assertThat(result(run(radiograph(), raster(noise(2000, 300))), "SATURATED").outcome()).isEqualTo("PASS");
    }

    @Test
    void clippedPixelsAreSaturatedAndAnEmptyRadiographIsBlank() {
        List<CheckResult> half = run(radiograph(), raster(index -> sampled(index) % 2 == 0 ? 4095 : 1000 + index % 97));
        assertThat(result(half, "SATURATED").outcome()).isEqualTo("FAIL");
        assertThat(result(half, "SATURATED").value()).isBetween(0.45, 0.55);
        List<CheckResult> someClipped = run(radiograph(), raster(index -> sampled(index) % 10 == 0 ? 4095 : 1000 + index % 97));
        assertThat(result(someClipped, "SATURATED").outcome()).isEqualTo("WARN");
        List<CheckResult> empty = run(radiograph(), raster(index -> sampled(index) % 50 == 0 ? 3000 : 0));
        assertThat(result(empty, "BLANK").outcome()).isEqualTo("FAIL");
        assertThat(result(empty, "BLANK").finding()).contains("lowest value");
    }

    /** AAPM TG-116's bands on the Deviation Index: stated, computed from EI and EI_T, or from a manufacturer's target. */
    @Test
    void theDeviationIndexIsBandedByTheActionLevels() {
        Attributes stated = radiograph();
        stated.setDoubles(Tags.DeviationIndex, VR.DS, 4.0);
        assertThat(exposure(stated).outcome()).isEqualTo("FAIL");
        assertThat(exposure(stated).value()).isEqualTo(4.0);

        Attributes computed = radiograph();
        computed.setDoubles(Tags.ExposureIndex, VR.DS, 500);
        computed.setDoubles(Tags.TargetExposureIndex, VR.DS, 250);
        assertThat(exposure(computed).value()).isEqualTo(3.01);
        assertThat(exposure(computed).outcome()).isEqualTo("FAIL");
        computed.setDoubles(Tags.ExposureIndex, VR.DS, 300);
        assertThat(exposure(computed).value()).isEqualTo(0.79);
        assertThat(exposure(computed).outcome()).isEqualTo("PASS");
        computed.setDoubles(Tags.ExposureIndex, VR.DS, 125);
        assertThat(exposure(computed).value()).isEqualTo(-3.01);
        assertThat(exposure(computed).outcome()).isEqualTo("FAIL");
        computed.setDoubles(Tags.ExposureIndex, VR.DS, 160);
        assertThat(exposure(computed).outcome()).isEqualTo("WARN");
        assertThat(exposure(computed).finding()).startsWith("underexposed");

        Attributes vendorTarget = radiograph();
        vendorTarget.setString(Tags.Manufacturer, VR.LO, "Acme Medical");
        vendorTarget.setDoubles(Tags.ExposureIndex, VR.DS, 1000);
        assertThat(exposure(vendorTarget).outcome()).isEqualTo("WARN");
        assertThat(exposure(vendorTarget).finding()).contains("no target exposure index");
        List<Threshold> withTarget = new ArrayList<>(defaults());
        withTarget.add(new Threshold(9, "TARGET_EI", "ACME MEDICAL", 500, "vendor manual", Instant.EPOCH, "physicist"));
        CheckResult byVendor = ExposureCheck.check(vendorTarget, new Thresholds(withTarget));
        assertThat(byVendor.value()).isEqualTo(3.01);
        assertThat(byVendor.source()).contains("vendor manual (thresholds version 9)");
    }

    @Test
    void theSideIsHeldAgainstTheOrder() {
        Attributes left = radiograph();
        left.setString(Tags.ImageLaterality, VR.CS, "L");
        assertThat(SideAndDoseChecks.laterality(left, "L").outcome()).isEqualTo("PASS");
        assertThat(SideAndDoseChecks.laterality(left, "R").outcome()).isEqualTo("FAIL");
        assertThat(SideAndDoseChecks.laterality(left, "R").finding()).isEqualTo("the image says left, the order says right");
        assertThat(SideAndDoseChecks.laterality(left, "B").outcome()).isEqualTo("PASS");
        assertThat(SideAndDoseChecks.laterality(radiograph(), "L").outcome()).isEqualTo("WARN");
        assertThat(SideAndDoseChecks.laterality(radiograph(), null).outcome()).isEqualTo("PASS");
    }

    @Test
    void aProjectionImageWithoutDoseIsFlaggedAndACheckThatCannotDecodeIsAWarning() {
        List<CheckResult> results = ImageChecks.run(radiograph(), () -> {
            throw new NotDecodableException("1.2.840.10008.1.2.4.90", "JPEG 2000 is not decoded here");
        }, new ImageChecks.Context(null, false, DEFAULTS));
        assertThat(result(results, "DOSE_ATTRIBUTES").outcome()).isEqualTo("WARN");
        assertThat(result(results, "DOSE_ATTRIBUTES").finding())
                .isEqualTo("missing: dose area product, entrance dose, exposure (mAs)");
        assertThat(result(results, "BLANK").outcome()).isEqualTo("WARN");
        assertThat(result(results, "BLANK").finding()).startsWith("pixels not checked: ").contains("JPEG 2000");
        assertThat(result(results, "IDENTITY").outcome()).isEqualTo("PASS");
        assertThat(results).extracting(CheckResult::code).contains("EXPOSURE_INDEX", "LATERALITY");
    }

    @Test
    void aCheckThatThrowsIsRecordedAndTheOthersStillRun() {
        Attributes broken = radiograph();
        broken.setString(Tags.DeviationIndex, VR.DS, "4.0");
        List<CheckResult> results = ImageChecks.run(broken, () -> raster(noise(2000, 300)),
                new ImageChecks.Context(null, true, new Thresholds(List.of())));
        assertThat(result(results, "EXPOSURE_INDEX").outcome()).isEqualTo("WARN");
        assertThat(result(results, "EXPOSURE_INDEX").finding()).startsWith("check failed: no threshold");
        assertThat(result(results, "IDENTITY").outcome()).isEqualTo("FAIL");
        assertThat(result(results, "LATERALITY").outcome()).isEqualTo("PASS");
    }

    static List<Threshold> defaults() {
        String tg116 = "AAPM TG-116";
        return List.of(threshold(1, "DI_EXCESSIVE_ABOVE", 3.0, tg116), threshold(2, "DI_OVER_ABOVE", 1.0, tg116),
                threshold(3, "DI_UNDER_BELOW", -1.0, tg116), threshold(4, "DI_EXCESSIVE_BELOW", -3.0, tg116),
                threshold(5, "SATURATED_WARN_SHARE", 0.05, "default"),
                threshold(6, "SATURATED_FAIL_SHARE", 0.20, "default"), threshold(7, "BLANK_FAIL_SHARE", 0.90, "default"));
    }

    private static Threshold threshold(long version, String name, double value, String source) {
        return new Threshold(version, name, "", value, source, Instant.EPOCH, "hounsfield");
    }

    private static CheckResult exposure(Attributes image) {
        return ExposureCheck.check(image, DEFAULTS);
    }

    private static List<CheckResult> run(Attributes image, Raster raster) {
        return ImageChecks.run(image, () -> raster, new ImageChecks.Context(null, false, DEFAULTS));
    }

    static CheckResult result(List<CheckResult> results, String code) {
        return results.stream().filter(result -> result.code().equals(code)).findFirst().orElseThrow();
    }

    static Attributes radiograph() {
        Attributes image = new Attributes();
        image.setString(Tags.Modality, VR.CS, "DX");
        image.setValue(Tags.PixelData, VR.OW, new byte[2]);
        return image;
    }

    /** The number of the 4x4 block a pixel is in: the checks look at one pixel per block. */
    private static int sampled(int index) {
        return (index / 256 / 4) * 64 + (index % 256) / 4;
    }

    private static java.util.function.IntUnaryOperator noise(int mean, int spread) {
        Random random = new Random(7);
        return index -> (int) Math.max(1, Math.min(4094, mean + random.nextGaussian() * spread));
    }

    private static Raster raster(java.util.function.IntUnaryOperator value) {
        int[] samples = new int[256 * 256];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = value.applyAsInt(i);
        }
        return Raster.of(256, 256, 1, 12, false, "MONOCHROME2", samples);
    }
}
