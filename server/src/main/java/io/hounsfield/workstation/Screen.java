package io.hounsfield.workstation;

import io.hounsfield.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The screens of the cockpit, each with its answers in plain language, the answers that count as positive and
 * the roles that may decide on a positive one (DOMAIN.md 5C pregnancy, 4A/4B contrast, 5D MRI safety).
 */
enum Screen {
    PREGNANCY("pregnancy screen", "a radiologist or the lead technologist", Set.of(Role.RADIOLOGIST, Role.LEAD),
            answers("NOT_PREGNANT", "Not pregnant", "POSSIBLY_PREGNANT", "Possibly pregnant", "PREGNANT", "Pregnant",
                    "UNKNOWN", "Cannot tell")),
    CONTRAST("contrast screen", "a radiologist", Set.of(Role.RADIOLOGIST),
            answers("NO_RISK", "No contrast risk found", "CAUTION", "Caution: kidney function reduced (eGFR 30 to 44)",
                    "HIGH_RISK", "Contrast risk: a radiologist decides")),
    MRI("MRI safety screen", "a radiologist or MR physicist", Set.of(Role.RADIOLOGIST, Role.PHYSICIST),
            answers("NO_IMPLANT", "No implant or device", "MR_CONDITIONAL", "MR Conditional implant or device",
                    "MR_UNSAFE", "MR Unsafe implant or device", "UNKNOWN", "Cannot tell (unknown or unlabelled implant)"));

    private final String title;
    private final String whoDecides;
    private final Set<Role> deciders;
    private final Map<String, String> answers;

    Screen(String title, String whoDecides, Set<Role> deciders, Map<String, String> answers) {
        this.title = title;
        this.whoDecides = whoDecides;
        this.deciders = deciders;
        this.answers = answers;
    }

    boolean positive(String answer) {
        return switch (this) {
            case PREGNANCY -> !answer.equals("NOT_PREGNANT");
            case CONTRAST -> answer.equals("HIGH_RISK");
            case MRI -> !answer.equals("NO_IMPLANT");
        };
    }

    boolean decidedBy(String role) {
        return deciders.stream().anyMatch(decider -> decider.name().equals(role));
    }

    /** "pregnancy screen", as a sentence names it. */
    String title() {
        return title;
    }

    /** The answer as staff read it; an unknown code is shown as it is rather than hidden. */
    String label(String answer) {
        return answer == null ? "not answered" : answers.getOrDefault(answer, answer);
    }

    boolean accepts(String answer) {
        return answer != null && answers.containsKey(answer);
    }

    /** The answer codes in the order the forms list them. */
    List<String> answers() {
        return List.copyOf(answers.keySet());
    }

    /** Why a positive answer holds the start, and who lifts the hold, in words a technologist reads. */
    String holdReason(String answer) {
        String finding = switch (this) {
            case PREGNANCY -> answer.equals("PREGNANT") ? "The patient is pregnant" : "Pregnancy could not be ruled out";
            case CONTRAST -> "The contrast screen found a risk";
            case MRI -> switch (answer) {
                case "MR_CONDITIONAL" -> "The patient has an MR Conditional implant or device";
                case "MR_UNSAFE" -> "The patient has an MR Unsafe implant or device";
                default -> "MRI screening could not rule out an implant";
            };
        };
        return finding + ": " + whoDecides + " must decide before the exam starts.";
    }

    /** The roles told of a late finding with this answer, besides the lead: those who must act on it. */
    Set<Role> lateFindingRoles(String answer) {
        if (!positive(answer)) {
            return Set.of();
        }
        return switch (this) {
            // SAF-12: the radiologist is told; a medical physicist estimates the conceptus dose.
            case PREGNANCY, MRI -> Set.of(Role.RADIOLOGIST, Role.PHYSICIST);
            case CONTRAST -> Set.of(Role.RADIOLOGIST);
        };
    }

    String whoDecides() {
        return whoDecides;
    }

    private static Map<String, String> answers(String... codesAndLabels) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            answers.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return answers;
    }
}
