package io.hounsfield.contrast;

import java.util.Map;

/** The words staff read for the contrast codes (no codes on the pages). */
final class ContrastWording {

    /** Prior allergic-like reactions by ACR severity (ACR Manual on Contrast Media), and unknown severity. */
    static final Map<String, String> PRIOR_REACTIONS = Map.of(
            "NONE", "none",
            "MILD", "mild",
            "MODERATE", "moderate",
            "SEVERE", "severe",
            "UNKNOWN", "severity not known");

    private ContrastWording() {}

    static boolean isPriorReaction(String code) {
        return code != null && PRIOR_REACTIONS.containsKey(code);
    }

    static String priorReaction(String code) {
        return code == null ? "not recorded" : PRIOR_REACTIONS.getOrDefault(code, code);
    }
}
