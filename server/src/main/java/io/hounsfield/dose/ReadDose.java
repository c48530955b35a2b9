package io.hounsfield.dose;

import java.util.List;

/**
 * What one dose object said, in Hounsfield's units (mGy, mGy·cm, Gy·cm², s), before it is stored.
 *
 * @param template "TID10011", "TID10001", or {@code null} when neither could be told
 * @param events the CT acquisitions (TID 10013) and projection irradiation events (TID 10003), in document order
 * @param problems what could not be read, in plain words; empty when the object was read whole
 */
record ReadDose(String template, List<Irradiation> events, Double dlpTotalMGyCm, Double dapTotalGyCm2,
        Double doseRpTotalMGy, Double fluoroTimeTotalS, List<String> problems) {

    /**
     * One CT acquisition or projection irradiation event.
     *
     * @param eventUid the Irradiation Event UID (113769), by which a continued report repeats an event
     * @param label the acquisition protocol, else the kind of acquisition, in plain words
     * @param phantom the CTDIw phantom in words ("head, 16 cm" or "body, 32 cm"), or {@code null}
     * @param ssdeMGy the size-specific dose estimate the report gives, else one estimated from the water-equivalent
     *        diameter it gives (see {@link Ssde}), else {@code null}
     */
    record Irradiation(boolean ct, String eventUid, String label, Double ctdiVolMGy, Double dlpMGyCm,
            String phantom, Double dapGyCm2, Double doseRpMGy, Double ssdeMGy, Double waterEqDiameterMm) {

        static Irradiation projection(String eventUid, String label, Double dapGyCm2, Double doseRpMGy) {
            return new Irradiation(false, eventUid, label, null, null, null, dapGyCm2, doseRpMGy, null, null);
        }
    }

    boolean partial() {
        return !problems.isEmpty();
    }
}
