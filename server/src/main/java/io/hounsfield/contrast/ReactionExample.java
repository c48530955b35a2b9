package io.hounsfield.contrast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ACR examples of acute reactions by type and severity (ACR Manual on Contrast Media, adverse reactions table),
 * the pick list of the reaction form. The code is what the form posts; the words are what the record keeps.
 */
public record ReactionExample(String code, String type, String severity, String words) {

    static final List<ReactionExample> ALL = build();

    /** "Mild allergic-like: limited hives or itching". */
    public String label() {
        return severityWords(severity) + " " + typeWords(type) + ": " + words;
    }

    static Optional<ReactionExample> of(String code) {
        return ALL.stream().filter(example -> example.code.equals(code)).findFirst();
    }

    static String typeWords(String type) {
        return "PHYSIOLOGIC".equals(type) ? "physiologic" : "allergic-like";
    }

    static String severityWords(String severity) {
        return switch (String.valueOf(severity)) {
            case "MILD" -> "mild";
            case "MODERATE" -> "moderate";
            case "SEVERE" -> "severe";
            default -> "severity not known";
        };
    }

    private static List<ReactionExample> build() {
        List<ReactionExample> all = new ArrayList<>();
        add(all, "ALLERGIC_LIKE", "MILD", "limited hives or itching", "limited skin swelling",
                "limited itchy or scratchy throat", "nasal congestion", "sneezing, conjunctivitis, runny nose");
        add(all, "ALLERGIC_LIKE", "MODERATE", "diffuse hives or itching", "diffuse redness, vital signs stable",
                "facial swelling without shortness of breath", "throat tightness or hoarseness without shortness of breath",
                "wheezing or bronchospasm, mild or no hypoxia");
        add(all, "ALLERGIC_LIKE", "SEVERE", "diffuse or facial swelling with shortness of breath",
                "diffuse redness with low blood pressure", "laryngeal swelling with stridor or hypoxia",
                "wheezing or bronchospasm with significant hypoxia", "anaphylactic shock");
        add(all, "PHYSIOLOGIC", "MILD", "limited nausea or vomiting", "transient flushing, warmth or chills",
                "headache, dizziness, anxiety or altered taste", "mild high blood pressure",
                "vasovagal reaction that resolved by itself");
        add(all, "PHYSIOLOGIC", "MODERATE", "protracted nausea or vomiting", "hypertensive urgency",
                "isolated chest pain", "vasovagal reaction that needed and responded to treatment");
        add(all, "PHYSIOLOGIC", "SEVERE", "vasovagal reaction resistant to treatment", "arrhythmia",
                "convulsions or seizures", "hypertensive emergency");
        return List.copyOf(all);
    }

    private static void add(List<ReactionExample> all, String type, String severity, String... examples) {
        for (int i = 0; i < examples.length; i++) {
            all.add(new ReactionExample(type.charAt(0) + severity.substring(0, 3) + (i + 1), type, severity, examples[i]));
        }
    }
}
