package io.hounsfield.equipment;

/** What a DICOM peer may ask of Hounsfield, or be used for. */
public enum PeerPermission {
    /** C-STORE objects into the archive. */
    STORE,
    /** C-FIND in the archive. */
    QUERY,
    /** C-MOVE and C-GET from the archive. */
    RETRIEVE,
    /** Be the destination of a C-MOVE (needs host and port). */
    MOVE_DESTINATION,
    /** C-FIND on the Modality Worklist. */
    WORKLIST,
    /** N-CREATE / N-SET Modality Performed Procedure Steps. */
    MPPS,
    /** Request storage commitment. */
    COMMIT
}
