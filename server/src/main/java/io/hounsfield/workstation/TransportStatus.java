package io.hounsfield.workstation;

/** Where an inpatient is, from the transport request to their return to the ward. */
enum TransportStatus {
    REQUESTED("Requested"),
    EN_ROUTE("On the way"),
    IN_DEPARTMENT("In the department"),
    IN_ROOM("In the room"),
    RETURNED("Back on the ward");

    private final String label;

    TransportStatus(String label) {
        this.label = label;
    }

    /** What staff read on the board and in the cockpit. */
    public String label() {
        return label;
    }
}
