package io.hounsfield.quality;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check that applies to one image. Each check stands alone: one that throws is logged and recorded as a
 * warning, and the others still run.
 */
final class ImageChecks {

    /** Projection radiography, where the exposure index applies (IEC 62494-1). */
    static final Set<String> RADIOGRAPHY = Set.of("DX", "CR", "MG");
    /** Projection X-ray, where the image should record its dose. */
    static final Set<String> PROJECTION = Set.of("DX", "CR", "MG", "RF", "XA");
    private static final Logger log = LoggerFactory.getLogger(ImageChecks.class);

    /** The first frame, decoded; throws when the pixels cannot be read. */
    interface Pixels {
        Raster firstFrame() throws IOException;
    }

    /** What the checks need besides the image: its exam's ordered side, whether it is quarantined, the limits. */
    record Context(String orderedSide, boolean quarantined, Thresholds thresholds) {
    }

    private ImageChecks() {
    }

    static List<CheckResult> run(Attributes image, Pixels pixels, Context context) {
        String modality = image.getString(Tags.Modality) == null ? "" : image.getString(Tags.Modality).strip();
        List<CheckResult> results = new ArrayList<>();
        results.add(context.quarantined()
                ? CheckResult.of("IDENTITY", CheckResult.FAIL, null, "the patient it names does not match its order;"
                        + " in quarantine", "patient and accession as ordered", "the archive's identity check")
                : CheckResult.of("IDENTITY", CheckResult.PASS, null, "matches its order",
                        "patient and accession as ordered", "the archive's identity check"));
        if (RADIOGRAPHY.contains(modality)) {
            guarded(results, ExposureCheck.CODE, () -> List.of(ExposureCheck.check(image, context.thresholds())));
        }
        if (image.contains(Tags.PixelData)) {
            guarded(results, PixelCheck.BLANK, () -> pixelChecks(image, pixels, RADIOGRAPHY.contains(modality),
                    context.thresholds()));
        }
        guarded(results, SideAndDoseChecks.LATERALITY,
                () -> List.of(SideAndDoseChecks.laterality(image, context.orderedSide())));
        if (PROJECTION.contains(modality)) {
            guarded(results, SideAndDoseChecks.DOSE_ATTRIBUTES,
                    () -> List.of(SideAndDoseChecks.doseAttributes(image)));
        }
        return results;
    }

    private static List<CheckResult> pixelChecks(Attributes image, Pixels pixels, boolean radiograph,
            Thresholds thresholds) {
        Raster raster;
        try {
            raster = pixels.firstFrame();
        } catch (IOException | RuntimeException e) {
            return List.of(CheckResult.of(PixelCheck.BLANK, CheckResult.WARN, null, "pixels not checked: "
                    + reason(e), "", "the image could not be decoded"));
        }
        return PixelCheck.check(image, raster, radiograph, thresholds);
    }

    private interface Check {
        List<CheckResult> run() throws Exception;
    }

    private static void guarded(List<CheckResult> results, String code, Check check) {
        try {
            results.addAll(check.run());
        } catch (Exception e) {
            log.warn("The {} check failed", code, e);
            results.add(CheckResult.of(code, CheckResult.WARN, null, "check failed: " + reason(e), "", "Hounsfield"));
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
