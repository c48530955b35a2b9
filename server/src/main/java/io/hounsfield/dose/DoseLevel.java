package io.hounsfield.dose;

import java.time.Instant;
import java.util.List;

/**
 * One version of a dose check level (NEMA XR 25-2010 notification and alert values; AAPM recommendations): which
 * exams it applies to (body parts of the procedure, {@code *} for any CT exam; the patient's age at the exam;
 * the CTDIw phantom, {@code null} for any), its value, and where the value comes from.
 *
 * @param kind NOTIFICATION (checked per acquisition), ALERT (checked on the CTDIvol added over the exam),
 *        FOLLOW_UP (a substantial radiation dose level of fluoroscopy, NCRP Report 168: checked on the exam's total),
 *        or DRL (a national diagnostic reference level: compared with a protocol's median, never with one patient)
 * @param metric CTDIVOL, DLP, DOSE_RP (reference air kerma), DAP or FLUORO_TIME, in {@code unit}
 * @param windowMonths set when the level is checked on the patient's total over that many months
 * @param confidence V when read in the source, S when a physicist must confirm it, L when set locally
 */
public record DoseLevel(long id, String key, int version, String description, List<String> bodyParts,
        int ageFromYears, Integer ageBelowYears, String phantom, String kind, String metric, double value,
        String unit, Integer windowMonths, String source, String edition, String confidence, String changedBy, Instant changedAt, String changeNote, boolean current) {

    /** Whether the level applies to a CT exam of this body part, at this age, in this phantom. */
    boolean appliesTo(String bodyPart, int ageYears, String examPhantom) {
        boolean part = bodyParts.contains("*") || (bodyPart != null && bodyParts.contains(bodyPart));
        boolean age = ageYears >= ageFromYears && (ageBelowYears == null || ageYears < ageBelowYears);
        boolean inPhantom = phantom == null || examPhantom == null || phantom.equals(examPhantom);
        return part && age && inPhantom;
    }

    public boolean alert() {
        return "ALERT".equals(kind);
    }

    /** A follow-up level checked on one exam's total. */
    public boolean followUp() {
        return "FOLLOW_UP".equals(kind) && windowMonths == null;
    }

    /** A level checked on what the patient received over {@link #windowMonths}. */
    public boolean overTime() {
        return windowMonths != null;
    }

    public boolean referenceLevel() {
        return "DRL".equals(kind);
    }

    /** What it measures, in words. */
    public String measures() {
        return switch (metric) {
            case "DLP" -> "DLP";
            case "DOSE_RP" -> "Dose at the reference point";
            case "DAP" -> "Dose area product";
            case "FLUORO_TIME" -> "Fluoroscopy time";
            default -> "CTDIvol";
        };
    }

    /** What a check against it is called in words. */
    public String kindInWords() {
        if (overTime()) {
            return "level over " + windowMonths + " months";
        }
        return alert() ? "alert value" : followUp() ? "follow-up level" : referenceLevel() ? "reference level"
                : "notification value";
    }
}
