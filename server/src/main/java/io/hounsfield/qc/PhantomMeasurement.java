package io.hounsfield.qc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the water-phantom analysis measured on one image, in HU and mm; {@code notAnalysableReason} is set (and the
 * numbers are empty) when no phantom was found.
 *
 * @param roiMeans the ROI means by position: centre, 12h, 3h, 6h, 9h
 */
record PhantomMeasurement(Double meanHu, Double noiseSdHu, Double uniformityHu, Map<String, Double> roiMeans,
        Double phantomDiameterMm, String notAnalysableReason) {

    static PhantomMeasurement notAnalysable(String reason) {
        return new PhantomMeasurement(null, null, null, Map.of(), null, reason);
    }

    static PhantomMeasurement of(double mean, double sd, LinkedHashMap<String, Double> roiMeans, double diameterMm) {
        double uniformity = roiMeans.entrySet().stream().filter(entry -> !entry.getKey().equals("centre"))
                .mapToDouble(entry -> Math.abs(entry.getValue() - mean)).max().orElse(0);
        return new PhantomMeasurement(mean, sd, uniformity, Collections.unmodifiableMap(new LinkedHashMap<>(roiMeans)),
                diameterMm, null);
    }

    boolean analysable() {
        return notAnalysableReason == null;
    }
}
