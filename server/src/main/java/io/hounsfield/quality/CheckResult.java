package io.hounsfield.quality;

/**
 * One check of one image: what was measured ({@code value}, {@code null} when nothing could be), the limit it was
 * held against in words, and where that limit comes from.
 *
 * @param code {@code EXPOSURE_INDEX}, {@code BLANK}, {@code SATURATED}, {@code LATERALITY}, {@code DOSE_ATTRIBUTES}
 *     or {@code IDENTITY}
 * @param outcome {@code PASS}, {@code WARN} or {@code FAIL}
 * @param finding the result in words, for the page ("overexposed", "pixels not checked: ...")
 * @param acknowledgement the reason a technologist gave for a warning or failure, {@code null} while there is none
 */
public record CheckResult(String code, String outcome, Double value, String threshold, String source,
        String finding, String acknowledgement, String acknowledgedBy) {

    public static final String PASS = "PASS";
    public static final String WARN = "WARN";
    public static final String FAIL = "FAIL";

    static CheckResult of(String code, String outcome, Double value, String finding, String threshold,
            String source) {
        return new CheckResult(code, outcome, value, threshold, source, finding, null, null);
    }

    /** A warning or failure nobody has acknowledged yet. */
    public boolean open() {
        return !PASS.equals(outcome) && acknowledgement == null;
    }

    /** The outcome in words. */
    public String outcomeLabel() {
        return switch (outcome) {
            case PASS -> "Pass";
            case WARN -> "Warning";
            default -> "Failure";
        };
    }

    /** What was checked, in words. */
    public String label() {
        return switch (code) {
            case "EXPOSURE_INDEX" -> "Exposure";
            case "BLANK" -> "Blank image";
            case "SATURATED" -> "Saturation";
            case "LATERALITY" -> "Side";
            case "DOSE_ATTRIBUTES" -> "Dose recorded";
            case "IDENTITY" -> "Patient identity";
            default -> code;
        };
    }
}
