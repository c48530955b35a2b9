package io.hounsfield.dose;

/**
 * The outcome of one dose check level against an exam's CTDIvol (NEMA XR 25-2010): a notification value per
 * acquisition, an alert value on the CTDIvol added over the exam.
 *
 * @param what the acquisition checked, or "the whole exam" for an alert value
 */
public record DoseCheck(String what, double ctdiVolMGy, DoseLevel level, boolean exceeded) {

    /** In plain words, e.g. "Head: CTDIvol 92.50 mGy is above the notification value of 80 mGy (Adult head)". */
    public String inWords() {
        return String.format(java.util.Locale.ROOT, "%s: CTDIvol %.2f mGy is %s the %s value of %s mGy (%s)", what,
                ctdiVolMGy, exceeded ? "above" : "within", level.alert() ? "alert" : "notification",
                new java.math.BigDecimal(String.valueOf(level.valueMGy())).stripTrailingZeros().toPlainString(),
                level.description());
    }
}
