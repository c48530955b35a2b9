package io.hounsfield.contrast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the technologist answered on the contrast screen. Null means not answered: the form preselects nothing.
 *
 * @param priorReaction prior allergic-like reaction to this class of agent: NONE, MILD, MODERATE, SEVERE, UNKNOWN
 * @param kidneyRisk kidney disease, hypertension on medication or diabetes (ACR Manual, kidney screening)
 * @param egfrUnavailable an eGFR is needed but cannot be had in time (an emergency); a radiologist decides
 * @param contradictionReason why "no prior reaction" goes against a reaction on record
 * @param aki acute kidney injury (ACR–NKF 2020: high risk of contrast-associated AKI)
 * @param dialysis on dialysis
 * @param pregnant pregnant or possibly pregnant (ACR Manual: a GBCA only when essential)
 * @param breastfeeding breastfeeding (ACR Manual: may continue)
 * @param agentCode the agent planned, from the agents table, or null when not chosen yet
 */
public record ContrastAnswers(Integer egfr, LocalDate egfrDate, String priorReaction, Boolean metformin,
        Boolean kidneyRisk, boolean egfrUnavailable, BigDecimal weightKg, String contradictionReason, Boolean aki,
        Boolean dialysis, boolean pregnant, boolean breastfeeding, String agentCode) {

    /** The answers of the screen as it was before AKI, dialysis, pregnancy and the agent were asked. */
    public ContrastAnswers(Integer egfr, LocalDate egfrDate, String priorReaction, Boolean metformin,
            Boolean kidneyRisk, boolean egfrUnavailable, BigDecimal weightKg, String contradictionReason) {
        this(egfr, egfrDate, priorReaction, metformin, kidneyRisk, egfrUnavailable, weightKg, contradictionReason,
                false, false, false, false, null);
    }

    /** Every question that has no safe default is answered. */
    boolean complete() {
        return ContrastWording.isPriorReaction(priorReaction) && metformin != null && kidneyRisk != null
                && aki != null && dialysis != null;
    }

    /** eGFR under 30 mL/min/1.73 m², AKI or dialysis: the kidney findings that rule out a group I GBCA. */
    boolean severeKidneyFinding() {
        return (egfr != null && egfr < 30) || Boolean.TRUE.equals(aki) || Boolean.TRUE.equals(dialysis);
    }

    /**
     * HIGH_RISK needs a radiologist: eGFR under 30, AKI or dialysis (ACR–NKF 2020), any prior allergic-like
     * reaction to the same class (ACR Manual: premedication or another agent is the radiologist's call), a needed
     * eGFR not at hand, a GBCA in pregnancy (ACR Manual: only when essential), or an answer against the record.
     * CAUTION: eGFR 30 to 44 (KDIGO 2012).
     */
    String risk(boolean egfrNeeded, boolean contradicted, boolean gadolinium) {
        boolean reaction = !priorReaction.equals("NONE");
        boolean missingEgfr = egfr == null && egfrNeeded;
        if (contradicted || reaction || missingEgfr || severeKidneyFinding() || (gadolinium && pregnant)) {
            return "HIGH_RISK";
        }
        return egfr != null && egfr < 45 ? "CAUTION" : "NO_RISK";
    }

    /** The answers as one plain sentence for the record. */
    String describe(List<String> egfrReasons, ContrastAgent agent) {
        String kidney = egfr != null ? "eGFR " + egfr + (egfrDate == null ? "" : " (measured " + egfrDate + ")")
                : egfrReasons.isEmpty() ? "eGFR not needed"
                : "eGFR needed (" + String.join(", ", egfrReasons) + ") but not available in time";
        boolean stopMetformin = metformin && severeKidneyFinding();
        List<String> parts = new ArrayList<>(List.of(kidney, "prior reaction: " + ContrastWording.priorReaction(priorReaction),
                "metformin: " + (metformin ? "yes" : "no")
                        + (stopMetformin ? " (stop metformin at the time of contrast and withhold it 48 h)" : ""),
                "kidney disease, hypertension or diabetes: " + (kidneyRisk ? "yes" : "no")));
        if (Boolean.TRUE.equals(aki)) {
            parts.add("acute kidney injury");
        }
        if (Boolean.TRUE.equals(dialysis)) {
            parts.add("on dialysis");
        }
        if (pregnant) {
            parts.add("pregnant (document the indication)");
        }
        if (breastfeeding) {
            parts.add("breastfeeding (may continue; pumping and discarding for 12 to 24 h only if she prefers)");
        }
        if (agent != null) {
            parts.add("agent " + agent.name());
        }
        parts.add("weight " + (weightKg == null ? "not recorded" : weightKg.stripTrailingZeros().toPlainString() + " kg"));
        return String.join("; ", parts);
    }
}
