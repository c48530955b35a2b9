package io.hounsfield.workstation;

import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Priority;

/** The board's filters; a blank one shows everything. {@code search} matches name, MRN or accession number. */
record BoardFilter(String modality, String room, ExamState state, Priority priority, String search) {

    boolean accepts(BoardRow row) {
        return (blank(modality) || modality.equals(row.modality()))
                && (blank(room) || room.equals(row.exam().stationAeTitle()))
                && (state == null || state == row.exam().state())
                && (priority == null || priority == row.exam().priority())
                && (blank(search) || matches(row, search.strip().toLowerCase()));
    }

    private static boolean matches(BoardRow row, String text) {
        return row.patientName().toLowerCase().contains(text)
                || row.patientIdentifier().toLowerCase().contains(text)
                || row.exam().accessionNumber().toLowerCase().contains(text);
    }

    /** The filter as a reader of the audit trail wants it: "search 'smith', room CT1", or "everything". */
    String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!blank(search)) {
            parts.add("search '" + search.strip() + "'");
        }
        if (!blank(modality)) {
            parts.add("modality " + modality);
        }
        if (!blank(room)) {
            parts.add("room " + room);
        }
        if (state != null) {
            parts.add("state " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        if (priority != null) {
            parts.add("priority " + priority.name().toLowerCase(java.util.Locale.ROOT));
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
