package io.hounsfield.dose;

import java.time.Instant;
import java.util.List;

/**
 * A patient's dose over a window of months: each exam with dose, newest first, and the totals (DLP for CT; dose
 * area product and dose at the reference point for projection and fluoroscopy). Effective dose is not estimated.
 */
public record DoseHistory(int months, List<Entry> exams, Double dlpTotalMGyCm, Double dapTotalGyCm2,
        Double doseRpTotalMGy) {

    /** One exam of the patient that has dose. */
    public record Entry(String accessionNumber, String procedure, Instant performed, Double dlpTotalMGyCm,
            Double dapTotalGyCm2, Double doseRpTotalMGy, boolean thisExam) {
    }
}
