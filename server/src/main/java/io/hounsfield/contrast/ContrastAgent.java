package io.hounsfield.contrast;

import java.math.BigDecimal;

/**
 * A contrast agent the department gives.
 *
 * @param agentClass IODINATED or GBCA
 * @param acrGroup the ACR NSF risk group of a gadolinium-based agent (I, II, III), null for iodinated (ACR Manual
 *                 on Contrast Media, NSF; Weinreb et al., Radiology 2021;298:28)
 */
public record ContrastAgent(String code, String name, String agentClass, String acrGroup, BigDecimal concentration,
        String concentrationUnit) {

    public boolean gadolinium() {
        return "GBCA".equals(agentClass);
    }

    public boolean groupOne() {
        return "I".equals(acrGroup);
    }

    /** "350 mg iodine/mL". */
    public String concentrationText() {
        return concentration.stripTrailingZeros().toPlainString() + " " + concentrationUnit;
    }

    /** "gadolinium-based contrast" or "iodinated contrast", as a sentence names the class. */
    public String classWords() {
        return gadolinium() ? "gadolinium-based contrast" : "iodinated contrast";
    }
}
