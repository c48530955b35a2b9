package io.hounsfield.workstation;

import io.hounsfield.contrast.ContrastService;
import java.util.Map;

/** The words staff read for the codes the screens store (issue 12, point 7: no codes on the page). */
final class ScreenWording {

    /** How pregnancy status was determined (ACR–SPR; DOMAIN.md SAF-12: record the status and the method). */
    static final Map<String, String> PREGNANCY_METHODS = Map.of(
            "PATIENT_ATTESTATION", "the patient attests",
            "PREGNANCY_TEST_NEGATIVE", "negative pregnancy test",
            "PREGNANCY_TEST_POSITIVE", "positive pregnancy test",
            "NOT_ABLE_TO_ATTEST", "the patient cannot attest");

    private ScreenWording() {}

    static boolean isPregnancyMethod(String code) {
        return code != null && PREGNANCY_METHODS.containsKey(code);
    }

    static String pregnancyMethod(String code) {
        return code == null ? "method not recorded" : PREGNANCY_METHODS.getOrDefault(code, code);
    }

    static String priorReaction(String code) {
        return ContrastService.priorReactionWords(code);
    }
}
