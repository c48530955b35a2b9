package io.hounsfield.quality;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.util.ArrayList;
import java.util.List;

/** What an image records against what was ordered: the side (PS3.3 §C.7.6.1.1.4, §C.7.3.1.1.2) and the dose. */
final class SideAndDoseChecks {

    static final String LATERALITY = "LATERALITY";
    static final String DOSE_ATTRIBUTES = "DOSE_ATTRIBUTES";
    private static final String SIDE_SOURCE = "the order; DICOM PS3.3 Image Laterality (0020,0062), Laterality (0020,0060)";
    private static final String DOSE_SOURCE = "DICOM PS3.3 X-Ray Acquisition Dose Module (§C.8.7.8); IEC 62494-1";

    private SideAndDoseChecks() {
    }

    /** {@code ordered}: L, R or B as the order names the side, {@code null} for an exam without one. */
    static CheckResult laterality(Attributes image, String ordered) {
        String recorded = image.getString(Tags.ImageLaterality);
        if (recorded == null || recorded.isBlank()) {
            recorded = image.getString(Tags.Laterality);
        }
        recorded = recorded == null ? "" : recorded.strip();
        if (ordered == null) {
            return CheckResult.of(LATERALITY, CheckResult.PASS, null, "the exam has no side", "", SIDE_SOURCE);
        }
        String threshold = "ordered side " + words(ordered);
        if (recorded.isEmpty() || recorded.equals("U")) {
            return CheckResult.of(LATERALITY, CheckResult.WARN, null, "the image does not say which side it shows",
                    threshold, SIDE_SOURCE);
        }
        boolean agrees = recorded.equals(ordered) || ordered.equals("B") && !recorded.equals("U");
        return agrees ? CheckResult.of(LATERALITY, CheckResult.PASS, null, "the image shows the " + words(recorded)
                + " side, as ordered", threshold, SIDE_SOURCE)
                : CheckResult.of(LATERALITY, CheckResult.FAIL, null, "the image says " + words(recorded)
                        + ", the order says " + words(ordered), threshold, SIDE_SOURCE);
    }

    /** A projection image should carry its dose: dose area product, entrance dose and exposure. */
    static CheckResult doseAttributes(Attributes image) {
        List<String> missing = new ArrayList<>();
        if (!image.contains(Tags.ImageAndFluoroscopyAreaDoseProduct)) {
            missing.add("dose area product");
        }
        if (!image.contains(Tags.EntranceDose) && !image.contains(Tags.EntranceDoseInmGy)) {
            missing.add("entrance dose");
        }
        if (!image.contains(Tags.Exposure) && !image.contains(Tags.ExposureInuAs)) {
            missing.add("exposure (mAs)");
        }
        String threshold = "dose area product (0018,115E), entrance dose (0040,0302 or 0040,8302), exposure"
                + " (0018,1152 or 0018,1153)";
        return missing.isEmpty()
                ? CheckResult.of(DOSE_ATTRIBUTES, CheckResult.PASS, 0.0, "dose recorded", threshold, DOSE_SOURCE)
                : CheckResult.of(DOSE_ATTRIBUTES, CheckResult.WARN, (double) missing.size(),
                        "missing: " + String.join(", ", missing), threshold, DOSE_SOURCE);
    }

    private static String words(String side) {
        return switch (side) {
            case "L" -> "left";
            case "R" -> "right";
            case "B" -> "both";
            default -> side;
        };
    }
}
