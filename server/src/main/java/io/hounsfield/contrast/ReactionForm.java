package io.hounsfield.contrast;

import java.time.LocalDateTime;

/**
 * A reaction as the form sends it: type and severity (ACR Manual on Contrast Media), the ACR example picked, or
 * "OTHER" with words, treatment, outcome and follow-up.
 */
public record ReactionForm(LocalDateTime onset, String type, String severity, String example, String otherWords,
        String treatment, String outcome, String followUp) {}
