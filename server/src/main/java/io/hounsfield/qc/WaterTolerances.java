package io.hounsfield.qc;

import java.util.ArrayList;
import java.util.List;

/**
 * The daily CT water test's limits (ACR 2017 CT Quality Control Manual): mean CT number −5…+5 HU, noise SD within
 * ±20% of the established baseline, edge ROIs within ±5 HU of the centre.
 *
 * @param baselineSdHu the established noise baseline, or null while there is none (noise is then not judged)
 */
record WaterTolerances(double meanLowHu, double meanHighHu, double noisePercent, Double baselineSdHu,
        double uniformityHu) {

    static final WaterTolerances ACR_DAILY = new WaterTolerances(-5, 5, 20, null, 5);

    WaterTolerances withBaseline(Double baseline) {
        return new WaterTolerances(meanLowHu, meanHighHu, noisePercent, baseline, uniformityHu);
    }

    /** The outcome and its reasons in plain words. */
    QcOutcome judge(PhantomMeasurement measured) {
        if (!measured.analysable()) {
            return new QcOutcome(QcOutcome.NOT_ANALYSABLE, List.of(measured.notAnalysableReason()));
        }
        List<String> failures = new ArrayList<>();
        if (measured.meanHu() < meanLowHu || measured.meanHu() > meanHighHu) {
            failures.add(String.format("Water CT number %.1f HU is outside %s to %s HU", measured.meanHu(),
                    number(meanLowHu), number(meanHighHu)));
        }
        if (baselineSdHu != null && Math.abs(measured.noiseSdHu() - baselineSdHu) > baselineSdHu * noisePercent / 100) {
            failures.add(String.format("Noise %.1f HU is more than %s%% from the baseline %.1f HU",
                    measured.noiseSdHu(), number(noisePercent), baselineSdHu));
        }
        if (measured.uniformityHu() > uniformityHu) {
            failures.add(String.format("Uniformity: an edge differs from the centre by %.1f HU (limit %s HU)",
                    measured.uniformityHu(), number(uniformityHu)));
        }
        if (!failures.isEmpty()) {
            return new QcOutcome(QcOutcome.FAIL, failures);
        }
        List<String> notes = new ArrayList<>();
        notes.add("Water CT number, uniformity" + (baselineSdHu == null ? "" : " and noise") + " within tolerance");
        if (baselineSdHu == null) {
            notes.add("Noise not judged yet: no baseline established");
        }
        return new QcOutcome(QcOutcome.PASS, notes);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
