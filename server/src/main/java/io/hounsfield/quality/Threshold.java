package io.hounsfield.quality;

import java.time.Instant;

/**
 * One version of one limit the checks apply. {@code manufacturer} is empty except for a manufacturer's target
 * Exposure Index ({@code TARGET_EI}), used when an image carries no Target Exposure Index of its own.
 */
public record Threshold(long version, String name, String manufacturer, double value, String source,
        Instant recordedAt, String recordedBy) {

    /** The limit in words, for the thresholds page. */
    public String label() {
        return switch (name) {
            case "DI_EXCESSIVE_ABOVE" -> "Deviation Index above which exposure is excessive (failure)";
            case "DI_OVER_ABOVE" -> "Deviation Index above which the image is overexposed (warning)";
            case "DI_UNDER_BELOW" -> "Deviation Index below which the image is underexposed (warning)";
            case "DI_EXCESSIVE_BELOW" -> "Deviation Index below which underexposure is excessive (failure)";
            case "SATURATED_WARN_SHARE" -> "Share of pixels at the top value for a saturation warning";
            case "SATURATED_FAIL_SHARE" -> "Share of pixels at the top value for a saturation failure";
            case "BLANK_FAIL_SHARE" -> "Share of a radiograph's pixels at the lowest value for a blank image";
            case "TARGET_EI" -> "Target Exposure Index of " + manufacturer;
            default -> name;
        };
    }
}
