package io.hounsfield.dose;

import java.time.Instant;
import java.util.List;

/**
 * What the exam cockpit shows about dose: the exam's dose, its checks against the dose check levels, the reason
 * recorded if one was exceeded, the fluoroscopy follow-up levels, and the patient's dose history.
 *
 * @param reason the technologist's reason for going on, or {@code null}
 * @param expected what the department's other exams of the protocol received, or {@code null} while too few exist
 * @param reasonBy who recorded it and when, or {@code null}
 * @param followUps the exam's fluoroscopy follow-up levels and the patient's levels over time
 * @param alerts the levels this exam exceeded, as sent to leads and physicists
 */
public record DosePanel(long examId, long patientId, ExamDose dose, ExpectedRange expected, List<DoseCheck> checks,
        List<DoseCheck> followUps, String reason, String reasonBy, Instant reasonAt, DoseHistory history,
        List<DoseAlert> alerts) {

    /** Whether a follow-up level of fluoroscopy is exceeded: the patient needs follow-up (NCRP Report 168). */
    public boolean followUpNeeded() {
        return followUps.stream().anyMatch(DoseCheck::exceeded);
    }

    public boolean exceeded() {
        return checks.stream().anyMatch(DoseCheck::exceeded);
    }

    /** Whether completing the exam waits for a reason. */
    public boolean reasonNeeded() {
        return exceeded() && reason == null;
    }
}
