package io.hounsfield.quality;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.util.Optional;

/**
 * Exposure of a radiograph by its Deviation Index (IEC 62494-1; AAPM TG-116): DI as the image states it
 * (0018,1413), else 10·log10(EI / EI_T) from the Exposure Index (0018,1411) and the Target Exposure Index
 * (0018,1412), or the manufacturer's target from the threshold table. Banded by the TG-116 action levels.
 */
final class ExposureCheck {

    static final String CODE = "EXPOSURE_INDEX";

    private ExposureCheck() {
    }

    static CheckResult check(Attributes image, Thresholds thresholds) {
        double over = thresholds.value("DI_OVER_ABOVE");
        double excessive = thresholds.value("DI_EXCESSIVE_ABOVE");
        double under = thresholds.value("DI_UNDER_BELOW");
        double excessiveUnder = thresholds.value("DI_EXCESSIVE_BELOW");
        String limits = String.format(java.util.Locale.ROOT, "DI %+.1f to %+.1f acceptable; above %+.1f overexposed,"
                + " above %+.1f excessive; below %+.1f underexposed, below %+.1f excessively", under, over, over,
                excessive, under, excessiveUnder);
        String source = thresholds.source("DI_OVER_ABOVE");
        Optional<Double> stated = number(image, Tags.DeviationIndex);
        Optional<Double> exposureIndex = number(image, Tags.ExposureIndex);
        Double deviation = stated.orElse(null);
        if (deviation == null && exposureIndex.isPresent() && exposureIndex.get() > 0) {
            Optional<Double> target = number(image, Tags.TargetExposureIndex).filter(value -> value > 0);
            if (target.isEmpty()) {
                var manufacturers = thresholds.targetExposureIndex(image.getString(Tags.Manufacturer));
                if (manufacturers.isEmpty()) {
                    return CheckResult.of(CODE, CheckResult.WARN, null, "no target exposure index: the image has none"
                            + " and none is set for its manufacturer", limits, source);
                }
                target = Optional.of(manufacturers.get().value());
                source = source + "; target EI " + Thresholds.cite(manufacturers.get());
            }
            deviation = 10 * Math.log10(exposureIndex.get() / target.get());
        }
        if (deviation == null) {
            return CheckResult.of(CODE, CheckResult.WARN, null, "no exposure index recorded", limits, source);
        }
        double rounded = Math.round(deviation * 100) / 100.0;
        String outcome = rounded > excessive || rounded < excessiveUnder ? CheckResult.FAIL
                : rounded > over || rounded < under ? CheckResult.WARN : CheckResult.PASS;
        return CheckResult.of(CODE, outcome, rounded, finding(rounded, over, excessive, under, excessiveUnder),
                limits, source);
    }

    private static String finding(double deviation, double over, double excessive, double under,
            double excessiveUnder) {
        if (deviation > excessive) {
            return "excessive exposure: follow up with the lead; repeat only if anatomy is burned out";
        }
        if (deviation > over) {
            return "overexposed: repeat only if anatomy is burned out";
        }
        if (deviation < excessiveUnder) {
            return "excessively underexposed: repeat";
        }
        if (deviation < under) {
            return "underexposed: consult the radiologist before repeating";
        }
        return "within the target range";
    }

    private static Optional<Double> number(Attributes image, int tag) {
        try {
            double value = image.getDouble(tag, Double.NaN);
            return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
