package io.hounsfield.dose;

import java.util.List;

/**
 * The radiation dose of one exam, for the exam cockpit: per CT acquisition and in total, per projection event and
 * in total, with fluoroscopy time; units as in {@link DoseReport}. Taken from the exam's dose reports when it has
 * any (a continued report that repeats the events of an earlier one replaces it), else from its images' headers.
 *
 * @param source "dose report", "dose reports" or "image headers"; {@code null} when nothing about dose was received
 * @param problems what could not be read from the reports used, in plain words
 */
public record ExamDose(String source, List<Acquisition> acquisitions, Double dlpTotalMGyCm, List<Event> events,
        Double dapTotalGyCm2, Double doseRpTotalMGy, Double fluoroTimeTotalS, List<String> problems) {

    /** One CT acquisition (or series of CT images, when read from headers). */
    public record Acquisition(String label, Double ctdiVolMGy, Double dlpMGyCm, String phantom) {
    }

    /** One projection irradiation event (or image, when read from headers). */
    public record Event(String label, Double dapGyCm2, Double doseRpMGy, Double entranceDoseMGy,
            Double deviationIndex) {
    }

    static final ExamDose NONE = new ExamDose(null, List.of(), null, List.of(), null, null, null, List.of());

    /** Whether anything about dose was received for the exam. */
    public boolean known() {
        return source != null;
    }

    public boolean partial() {
        return !problems.isEmpty();
    }
}
