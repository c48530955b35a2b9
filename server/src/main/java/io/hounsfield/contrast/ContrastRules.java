package io.hounsfield.contrast;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/** The agent-level refusals of the contrast screen and of an administration. */
final class ContrastRules {

    private ContrastRules() {}

    /**
     * An ACR group I gadolinium-based agent is contraindicated with eGFR under 30, in AKI and on dialysis (ACR
     * Manual on Contrast Media, NSF; ACR–NKF consensus, Weinreb et al., Radiology 2021;298:28): choose group II.
     */
    static void refuseGroupOne(ContrastAgent agent, boolean severeKidneyFinding) {
        if (agent != null && agent.groupOne() && severeKidneyFinding) {
            throw refused(agent.name() + " is an ACR group I agent: it is contraindicated with an eGFR under 30, "
                    + "acute kidney injury or dialysis. Choose a group II agent (for example gadoterate or gadobutrol).");
        }
    }

    /** The exam gives the class of agent its modality uses: gadolinium-based for MR, iodinated otherwise. */
    static void refuseWrongClass(ContrastAgent agent, boolean gadoliniumExam) {
        if (agent != null && agent.gadolinium() != gadoliniumExam) {
            throw refused(agent.name() + " is " + agent.classWords() + "; this exam needs "
                    + (gadoliniumExam ? "gadolinium-based" : "iodinated") + " contrast.");
        }
    }

    static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.STATE_CONFLICT, message);
    }
}
