package io.hounsfield.dose;

import io.hounsfield.patient.Patient;
import java.util.List;

/**
 * A patient's dose history: the totals over each configured window of months, and each study with dose over the
 * longest, newest first. Effective dose is not estimated.
 */
public record PatientDose(Patient patient, List<Window> windows, List<DoseSummary> studies) {

    /** The patient's totals over the last {@code months}; a total no study gave is {@code null}. */
    public record Window(int months, int studies, Double dlpTotalMGyCm, Double dapTotalGyCm2, Double doseRpTotalMGy,
            Double fluoroTimeTotalS) {
    }

    /** The largest DLP and dose area product of the studies, to scale the charts; at least 1. */
    public double largestDlp() {
        return Math.max(1, studies.stream().map(DoseSummary::dlpTotalMGyCm).filter(value -> value != null)
                .mapToDouble(Double::doubleValue).max().orElse(1));
    }

    public double largestDap() {
        return Math.max(1e-6, studies.stream().map(DoseSummary::dapTotalGyCm2).filter(value -> value != null)
                .mapToDouble(Double::doubleValue).max().orElse(1));
    }
}
