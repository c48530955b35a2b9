package io.hounsfield.quality;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The thresholds in force: the newest version of each. */
record Thresholds(List<Threshold> current) {

    double value(String name) {
        return find(name, "").map(Threshold::value)
                .orElseThrow(() -> new IllegalStateException("no threshold " + name));
    }

    /** "version 3, AAPM TG-116 ..." for the result's source. */
    String source(String name) {
        return find(name, "").map(Thresholds::cite).orElse("");
    }

    /** The target Exposure Index set for this manufacturer, if any (compared without case). */
    Optional<Threshold> targetExposureIndex(String manufacturer) {
        if (manufacturer == null || manufacturer.isBlank()) {
            return Optional.empty();
        }
        return find("TARGET_EI", manufacturer.strip().toUpperCase(Locale.ROOT));
    }

    static String cite(Threshold threshold) {
        return threshold.source() + " (thresholds version " + threshold.version() + ")";
    }

    private Optional<Threshold> find(String name, String manufacturer) {
        return current.stream().filter(threshold -> threshold.name().equals(name)
                && threshold.manufacturer().toUpperCase(Locale.ROOT).equals(manufacturer)).findFirst();
    }
}
