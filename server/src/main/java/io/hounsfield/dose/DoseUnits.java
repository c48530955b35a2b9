package io.hounsfield.dose;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts dose values to the units Hounsfield keeps: mGy for dose and air kerma, mGy·cm for DLP, Gy·cm² for DAP
 * seconds for time and millimetres for a patient's size. The unit is read from the UCUM code value of the Measurement Units Code Sequence
 * (0040,08EA) (PS3.3 §C.18.1, PS3.16 CID 7181 and UCUM), which vendors spell in several ways: {@code Gy.m2},
 * {@code Gym2}, {@code dGy.cm2}, {@code mGycm}, {@code mGy.cm}. Such a unit is read as a multiple of gray times an
 * optional length or area, so every prefix of either part is understood; the kind of quantity decides which
 * power of length is expected (a DLP given in Gy·m² is refused, not converted).
 */
final class DoseUnits {
    /** What a value measures, with the power of length its unit must carry. */
    enum Quantity {
        DOSE(0, 0, "mGy"), DOSE_LENGTH(1, 0, "mGy·cm"), DOSE_AREA(2, 3, "Gy·cm²"), TIME(0, 0, "s"), LENGTH(0, 0, "mm");

        private final int lengthPower;
        /** The target unit as a power of ten of mGy·cm^power: Gy·cm² is 10³ mGy·cm². */
        private final int targetExponent;
        private final String label;

        Quantity(int lengthPower, int targetExponent, String label) {
            this.lengthPower = lengthPower;
            this.targetExponent = targetExponent;
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Pattern GRAY = Pattern.compile("(u|m|c|d|)gy(?:\\.?(mm|cm|dm|m)(2|\\^2)?)?");

    private DoseUnits() {
    }

    /**
     * {@code value} in {@code unit} as the target unit of {@code quantity}, exactly (the factors are powers of ten,
     * or 60 and 3600 for time), or {@code null} if the unit is not one of that quantity.
     */
    static BigDecimal convert(BigDecimal value, String unit, Quantity quantity) {
        BigDecimal factor = factor(unit, quantity);
        return factor == null ? null : value.multiply(factor);
    }

    /** The factor from {@code unit} to the target unit of {@code quantity}, or {@code null}. */
    static BigDecimal factor(String unit, Quantity quantity) {
        if (unit == null) {
            return null;
        }
        String spelled = unit.strip().replace("µ", "u").replace("μ", "u").replace("*", ".").replace("·", ".")
                .replace(" ", "").replace("²", "2").toLowerCase(Locale.ROOT);
        if (quantity == Quantity.TIME) {
            return switch (spelled) {
                case "s", "sec" -> BigDecimal.ONE;
                case "ms" -> BigDecimal.ONE.scaleByPowerOfTen(-3);
                case "min" -> BigDecimal.valueOf(60);
                case "h" -> BigDecimal.valueOf(3600);
                default -> null;
            };
        }
        if (quantity == Quantity.LENGTH) {
            return switch (spelled) {
                case "mm" -> BigDecimal.ONE;
                case "cm" -> BigDecimal.TEN;
                case "m" -> BigDecimal.valueOf(1000);
                default -> null;
            };
        }
        Matcher gray = GRAY.matcher(spelled);
        if (!gray.matches()) {
            return null;
        }
        int power = gray.group(2) == null ? 0 : gray.group(3) == null ? 1 : 2;
        if (power != quantity.lengthPower) {
            return null;
        }
        int milligray = switch (gray.group(1)) {
            case "u" -> -3;
            case "m" -> 0;
            case "c" -> 1;
            case "d" -> 2;
            default -> 3;
        };
        int centimetres = gray.group(2) == null ? 0 : switch (gray.group(2)) {
            case "mm" -> -1;
            case "cm" -> 0;
            case "dm" -> 1;
            default -> 2;
        };
        return BigDecimal.ONE.scaleByPowerOfTen(milligray + centimetres * power - quantity.targetExponent);
    }

    /** The sum of values that may be absent: {@code null} only when all are, computed in decimal. */
    static Double sum(Double total, Double value) {
        if (value == null) {
            return total;
        }
        return total == null ? value : BigDecimal.valueOf(total).add(BigDecimal.valueOf(value)).doubleValue();
    }
}
