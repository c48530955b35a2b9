package io.hounsfield.qc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One QC result of a device: computed from a phantom image (then {@code sopInstanceUid} is set) or entered by hand.
 *
 * @param outcome PASS, FAIL or NOT_ANALYSABLE
 */
public record QcResult(String sopInstanceUid, String aeTitle, String test, Instant performed, String outcome,
        Double meanHu, Double noiseSdHu, Double uniformityHu, Map<String, Double> roiMeans, Double phantomDiameterMm,
        List<String> reasons, String notes, String recordedBy) {

    public boolean passed() {
        return "PASS".equals(outcome);
    }
}
