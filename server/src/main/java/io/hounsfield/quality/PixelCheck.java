package io.hounsfield.quality;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.Raster;
import java.util.List;
import java.util.Locale;

/**
 * Blank and saturated images from the first frame's stored values: the share at the top of the bit depth
 * (clipped), and an image that is nearly constant or, for a radiograph, almost all at the lowest value. Pixels equal
 * to the Pixel Padding Value (0028,0120) are left out; every fourth pixel of every fourth row is enough.
 */
final class PixelCheck {

    static final String BLANK = "BLANK";
    static final String SATURATED = "SATURATED";
    private static final int STRIDE = 4;
    private static final String SOURCE = "Hounsfield defaults, editable in the thresholds table";

    private PixelCheck() {
    }

    static List<CheckResult> check(Attributes image, Raster raster, boolean radiograph, Thresholds thresholds) {
        int bits = raster.bitsStored();
        long lowest = raster.signed() ? -(1L << (bits - 1)) : 0;
        long highest = raster.signed() ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        long padding = image.contains(Tags.PixelPaddingValue) ? image.getInt(Tags.PixelPaddingValue, 0) : Long.MIN_VALUE;
        long counted = 0;
        long atLowest = 0;
        long atHighest = 0;
        double sum = 0;
        double squares = 0;
        int step = raster.samplesPerPixel();
        for (int row = 0; row < raster.rows(); row += STRIDE) {
            for (int column = 0; column < raster.columns(); column += STRIDE) {
                long value = raster.value((row * raster.columns() + column) * step);
                if (value == padding) {
                    continue;
                }
                counted++;
                atLowest += value <= lowest ? 1 : 0;
                atHighest += value >= highest ? 1 : 0;
                sum += value;
                squares += (double) value * value;
            }
        }
        if (counted == 0) {
            return List.of(CheckResult.of(BLANK, CheckResult.FAIL, 1.0, "only padding, no image", "", SOURCE),
                    CheckResult.of(SATURATED, CheckResult.PASS, 0.0, "nothing clipped", "", SOURCE));
        }
        double mean = sum / counted;
        double deviation = Math.sqrt(Math.max(0, squares / counted - mean * mean));
        return List.of(blank(atLowest / (double) counted, deviation / (highest - lowest), radiograph, thresholds),
                saturated(atHighest / (double) counted, thresholds));
    }

    private static CheckResult blank(double lowShare, double relativeDeviation, boolean radiograph,
            Thresholds thresholds) {
        double blankShare = thresholds.value("BLANK_FAIL_SHARE");
        String threshold = "standard deviation under 0.5% of the value range" + (radiograph
                ? String.format(Locale.ROOT, ", or over %.0f%% of the pixels at the lowest value", blankShare * 100) : "");
        String source = thresholds.source("BLANK_FAIL_SHARE");
        if (relativeDeviation < 0.005) {
            return CheckResult.of(BLANK, CheckResult.FAIL, round(relativeDeviation), "near-constant image: no anatomy",
                    threshold, source);
        }
        if (radiograph && lowShare > blankShare) {
            return CheckResult.of(BLANK, CheckResult.FAIL, round(lowShare), "almost all pixels at the lowest value",
                    threshold, source);
        }
        return CheckResult.of(BLANK, CheckResult.PASS, round(radiograph ? lowShare : relativeDeviation),
                "the image has content", threshold, source);
    }

    private static CheckResult saturated(double highShare, Thresholds thresholds) {
        double warn = thresholds.value("SATURATED_WARN_SHARE");
        double fail = thresholds.value("SATURATED_FAIL_SHARE");
        String threshold = String.format(Locale.ROOT, "pixels at the top value: over %.0f%% warning, over %.0f%% failure",
                warn * 100, fail * 100);
        String source = thresholds.source("SATURATED_WARN_SHARE");
        String outcome = highShare > fail ? CheckResult.FAIL : highShare > warn ? CheckResult.WARN : CheckResult.PASS;
        String finding = outcome.equals(CheckResult.PASS) ? "nothing clipped to speak of"
                : String.format(Locale.ROOT, "%.0f%% of the pixels clipped at the top value", highShare * 100);
        return CheckResult.of(SATURATED, outcome, round(highShare), finding, threshold, source);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
