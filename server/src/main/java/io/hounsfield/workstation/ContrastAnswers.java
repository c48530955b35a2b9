package io.hounsfield.workstation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the technologist answered on the contrast screen. Null means not answered: the form preselects nothing.
 *
 * @param priorReaction prior allergic-like reaction to this class of agent: NONE, MILD, MODERATE, SEVERE, UNKNOWN
 * @param kidneyRisk kidney disease, hypertension on medication or diabetes (DOMAIN.md CON-4)
 * @param egfrUnavailable an eGFR is needed but cannot be had in time (an emergency); a radiologist decides
 * @param contradictionReason why "no prior reaction" goes against a reaction on record
 */
record ContrastAnswers(Integer egfr, LocalDate egfrDate, String priorReaction, Boolean metformin, Boolean kidneyRisk,
        boolean egfrUnavailable, BigDecimal weightKg, String contradictionReason) {

    /**
     * HIGH_RISK needs a radiologist: eGFR under 30 (CON-1, CON-2), any prior allergic-like reaction to the same
     * class (CON-17: premedication or another agent is the radiologist's call), a needed eGFR not at hand, or an
     * answer against the record. CAUTION: eGFR 30 to 44 (CON-2).
     */
    String risk(boolean egfrNeeded, boolean contradicted) {
        boolean reaction = !priorReaction.equals("NONE");
        boolean missingEgfr = egfr == null && egfrNeeded;
        if (contradicted || reaction || missingEgfr || (egfr != null && egfr < 30)) {
            return "HIGH_RISK";
        }
        return egfr != null && egfr < 45 ? "CAUTION" : "NO_RISK";
    }

    /** The answers as one plain sentence for the record. */
    String describe(List<String> egfrReasons) {
        String kidney = egfr != null ? "eGFR " + egfr + (egfrDate == null ? "" : " (measured " + egfrDate + ")")
                : egfrReasons.isEmpty() ? "eGFR not needed"
                : "eGFR needed (" + String.join(", ", egfrReasons) + ") but not available in time";
        boolean stopMetformin = metformin && egfr != null && egfr < 30;
        return kidney + "; prior reaction: " + ScreenWording.priorReaction(priorReaction)
                + "; metformin: " + (metformin ? "yes" : "no")
                + (stopMetformin ? " (stop metformin at the time of contrast and withhold it 48 h)" : "")
                + "; kidney disease, hypertension or diabetes: " + (kidneyRisk ? "yes" : "no")
                + "; weight " + (weightKg == null ? "not recorded" : weightKg.stripTrailingZeros().toPlainString() + " kg");
    }
}
