package io.hounsfield.dose;

/**
 * The outcome of one dose check level against an exam (NEMA XR 25-2010; NCRP Report 168): a notification value per
 * acquisition's CTDIvol, an alert value on the CTDIvol added over the exam, a follow-up level on the exam's total
 * reference air kerma, dose area product or fluoroscopy time.
 *
 * @param what the acquisition checked, or "The whole exam"
 * @param value what was measured, in the level's unit
 */
public record DoseCheck(String what, double value, DoseLevel level, boolean exceeded) {

    /** In plain words, e.g. "Head: CTDIvol 92.50 mGy is above the notification value of 80 mGy (Adult head)". */
    public String inWords() {
        return String.format(java.util.Locale.ROOT, "%s: %s %.2f %s is %s the %s of %s %s (%s)", what,
                what.equals(WHOLE_EXAM) && level.alert() ? "CTDIvol added" : level.measures(), value,
                level.unit(), exceeded ? "above" : "within", level.kindInWords(),
                new java.math.BigDecimal(String.valueOf(level.value())).stripTrailingZeros().toPlainString(),
                level.unit(), level.description());
    }

    static final String WHOLE_EXAM = "The whole exam";
}
