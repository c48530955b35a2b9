package io.hounsfield.equipment;

/** What a DICOM peer may ask of Hounsfield, or be used for. */
public enum PeerPermission {
    /** C-STORE objects into the archive. */
    STORE("Store"),
    /** C-FIND in the archive. */
    QUERY("Query"),
    /** C-MOVE and C-GET from the archive. */
    RETRIEVE("Retrieve"),
    /** Be the destination of a C-MOVE (needs host and port). */
    MOVE_DESTINATION("Move destination"),
    /** C-FIND on the Modality Worklist. */
    WORKLIST("Worklist"),
    /** N-CREATE / N-SET Modality Performed Procedure Steps. */
    MPPS("MPPS"),
    /** Request storage commitment. */
    COMMIT("Commitment"),
    /**
     * A radiologist's reading station: its queries and retrievals see released exams only, without images rejected
     * for quality. A restriction, not a service.
     */
    READING_STATION("Reading station (released exams only, no rejected images)");

    private final String label;

    PeerPermission(String label) {
        this.label = label;
    }

    /** As the peers page shows it; the DICOM services stay in the descriptions above. */
    public String label() {
        return label;
    }
}
