package io.hounsfield.workstation;

import io.hounsfield.patient.PregnancyStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the record already says that bears on the screens of one exam. The forms start from these facts and
 * the cockpit refuses an answer that contradicts one unless the technologist says why, which then needs the
 * decision of the role the screen names (issue 12: known facts are never contradicted silently).
 *
 * @param contrastAllergy the allergies from ADT (AL1) that concern this exam's contrast agent, or null
 * @param priorReaction the most severe contrast reaction reported on an earlier exam with the same kind of agent
 * @param gadolinium the exam's agent is gadolinium-based (MR), else iodinated
 * @param egfrReasons why the record alone says an eGFR is needed (ACR Manual, DOMAIN.md CON-4), empty if it does not
 * @param pregnancyReasons why the record cannot exclude pregnancy beyond "female of 12 to 50" (unknown sex, age, identity)
 * @param pregnancyOnRecord PREGNANT or POSSIBLY_PREGNANT as ADT sent it, else null
 * @param priorImplant the implant an earlier MRI screen found, or null
 * @param weightKg the weight on record, or null
 */
record ScreenFacts(String contrastAllergy, String priorReaction, boolean gadolinium, List<String> egfrReasons,
        List<String> pregnancyReasons, PregnancyStatus pregnancyOnRecord, String priorImplant, BigDecimal weightKg) {

    /** The contrast reaction the record shows, in words, or null: the allergy first, else an earlier screen's. */
    public String contrastReactionOnRecord() {
        if (contrastAllergy != null) {
            return "Allergies: " + contrastAllergy;
        }
        return priorReaction == null ? null
                : "a " + ScreenWording.priorReaction(priorReaction) + " reaction recorded on an earlier exam";
    }

    public String priorImplantLabel() {
        return priorImplant == null ? null : Screen.MRI.label(priorImplant);
    }

    public String agent() {
        return gadolinium ? "gadolinium-based contrast" : "iodinated contrast";
    }

    /** The prior reaction the contrast form starts on: the one on record, or unknown severity for an allergy. */
    public String suggestedPriorReaction() {
        return priorReaction != null ? priorReaction : contrastAllergy != null ? "UNKNOWN" : null;
    }
}
