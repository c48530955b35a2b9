package io.hounsfield.dose;

import java.time.Instant;
import java.util.List;

/**
 * What the exam cockpit shows about dose: the exam's dose, its checks against the dose check levels, the reason
 * recorded if one was exceeded, and the patient's dose history.
 *
 * @param reason the technologist's reason for going on, or {@code null}
 * @param reasonBy who recorded it and when, or {@code null}
 */
public record DosePanel(long examId, ExamDose dose, List<DoseCheck> checks, String reason, String reasonBy, Instant reasonAt,
        DoseHistory history) {

    public boolean exceeded() {
        return checks.stream().anyMatch(DoseCheck::exceeded);
    }

    /** Whether completing the exam waits for a reason. */
    public boolean reasonNeeded() {
        return exceeded() && reason == null;
    }
}
