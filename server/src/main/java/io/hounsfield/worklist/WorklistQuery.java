package io.hounsfield.worklist;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.DicomDateTime;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.exam.Exam;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The matching keys of a Modality Worklist C-FIND (PS3.4 §K.6.1.2; IHE RAD-5 broad and patient-based
 * queries). A key left empty matches everything (universal matching).
 */
record WorklistQuery(String stationAeTitle, String modality, LocalDate from, LocalDate to, Pattern patientName,
        String patientId, String accessionNumber) {

    static WorklistQuery of(Attributes keys) {
        Sequence steps = keys.getSequence(Tags.ScheduledProcedureStepSequence);
        Attributes step = steps == null || steps.isEmpty() ? new Attributes() : steps.get(0);
        String dates = blankToNull(step.getString(Tags.ScheduledProcedureStepStartDate));
        return new WorklistQuery(
                blankToNull(step.getString(Tags.ScheduledStationAETitle)),
                blankToNull(step.getString(Tags.Modality)),
                dates == null ? null : rangeStart(dates),
                dates == null ? null : rangeEnd(dates),
                wildcard(blankToNull(keys.getString(Tags.PatientName))),
                blankToNull(keys.getString(Tags.PatientID)),
                blankToNull(keys.getString(Tags.AccessionNumber)));
    }

    /** The keys known before the patient is read: most exams of a day are for other rooms and modalities. */
    boolean mayMatch(Exam exam, Procedure procedure) {
        return (modality == null || modality.equalsIgnoreCase(procedure.modality()))
                && (accessionNumber == null || accessionNumber.equals(exam.accessionNumber()));
    }

    boolean matches(WorklistEntry entry) {
        return mayMatch(entry.exam(), entry.procedure())
                && (patientId == null || patientId.equals(entry.patient().identifier().value()))
                && (patientName == null || patientName.matcher(entry.patient().demographics().dicomName()).matches());
    }

    /** DA range matching (PS3.4 §C.2.2.2.5): {@code D}, {@code D1-D2}, {@code -D2}, {@code D1-}. */
    private static LocalDate rangeStart(String dates) {
        int dash = dates.indexOf('-');
        String start = dash < 0 ? dates : dates.substring(0, dash);
        return start.isBlank() ? LocalDate.MIN : DicomDateTime.parseDate(start.strip());
    }

    private static LocalDate rangeEnd(String dates) {
        int dash = dates.indexOf('-');
        String end = dash < 0 ? dates : dates.substring(dash + 1);
        return end.isBlank() ? LocalDate.MAX : DicomDateTime.parseDate(end.strip());
    }

    /** PN wildcard matching, case-insensitive as most modalities expect: {@code *} any run, {@code ?} one character. */
    private static Pattern wildcard(String value) {
        if (value == null || value.equals("*")) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char character : value.toCharArray()) {
            switch (character) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(character)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.equals("*") ? null : value.strip();
    }
}
