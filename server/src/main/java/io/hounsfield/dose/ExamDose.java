package io.hounsfield.dose;

import java.util.List;

/**
 * The radiation dose of one exam, for the exam cockpit: per CT acquisition and in total, per projection event and
 * in total, with fluoroscopy time; units as in {@link DoseReport}. Taken from the exam's dose reports when it has
 * any (a continued report that repeats the events of an earlier one replaces it), else from its images' headers.
 *
 * @param source "dose report", "dose reports", "image headers" or "procedure steps"; {@code null} when nothing about
 *        dose was received
 * @param problems what could not be read from the reports used, in plain words
 */
public record ExamDose(String source, List<Acquisition> acquisitions, Double dlpTotalMGyCm, List<Event> events,
        Double dapTotalGyCm2, Double doseRpTotalMGy, Double fluoroTimeTotalS, List<String> problems) {

    /** One CT acquisition (or series of CT images, when read from headers); SSDE where the patient's size is known. */
    public record Acquisition(String label, Double ctdiVolMGy, Double dlpMGyCm, String phantom, Double ssdeMGy) {
    }

    /** One projection irradiation event (or image, when read from headers). */
    public record Event(String label, Double dapGyCm2, Double doseRpMGy, Double entranceDoseMGy,
            Double deviationIndex) {
    }

    static final String FROM_STEPS = "procedure steps";
    static final ExamDose NONE = new ExamDose(null, List.of(), null, List.of(), null, null, null, List.of());

    /** Whether anything about dose was received for the exam. */
    public boolean known() {
        return source != null;
    }

    /**
     * Whether the values come from image headers or procedure steps, which have no DLP and no per-event
     * reference-point dose, but an entrance dose.
     */
    public boolean fromHeaders() {
        return "image headers".equals(source) || FROM_STEPS.equals(source);
    }

    /** Where the values come from, as a sentence for the cockpit. */
    public String sourceInWords() {
        if (FROM_STEPS.equals(source)) {
            return "Read from the modality's procedure step: it sent no dose report and no dose in its images.";
        }
        if (fromHeaders()) {
            return "Read from the image headers: the modality sent no dose report. Image headers give no DLP.";
        }
        return "dose reports".equals(source) ? "Read from the modality's dose reports."
                : "Read from the modality's dose report.";
    }

    /** The fluoroscopy time in words, "2 min 30 s"; {@code null} if not known. */
    public String fluoroTime() {
        if (fluoroTimeTotalS == null) {
            return null;
        }
        long seconds = Math.round(fluoroTimeTotalS);
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    public boolean partial() {
        return !problems.isEmpty();
    }
}
