package io.hounsfield.dose;

/**
 * Size-specific dose estimate from CTDIvol and the patient's water-equivalent diameter (AAPM Report 204, 2011, with
 * the water-equivalent diameter of AAPM Report 220, 2014): SSDE = f(D) · CTDIvol, with the report's exponential fit
 * f = a · e^(−b·D), D in cm, for the phantom the CTDIvol was measured in. Outside the diameters the report tabulates
 * (8 to 45 cm) no estimate is made.
 */
final class Ssde {
    private static final double SMALLEST_CM = 8;
    private static final double LARGEST_CM = 45;

    private Ssde() {
    }

    /** The estimate in mGy, or {@code null} when CTDIvol, the diameter or the phantom is not known. */
    static Double estimate(Double ctdiVolMGy, Double waterEqDiameterMm, String phantom) {
        if (ctdiVolMGy == null || waterEqDiameterMm == null || phantom == null) {
            return null;
        }
        double centimetres = waterEqDiameterMm / 10;
        if (centimetres < SMALLEST_CM || centimetres > LARGEST_CM) {
            return null;
        }
        boolean body = phantom.startsWith("body");
        double factor = body ? 3.704369 * Math.exp(-0.03671937 * centimetres)
                : 1.874799 * Math.exp(-0.03871313 * centimetres);
        return Math.round(factor * ctdiVolMGy * 100) / 100.0;
    }
}
