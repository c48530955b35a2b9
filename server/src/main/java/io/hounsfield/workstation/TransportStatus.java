package io.hounsfield.workstation;

/** Where an inpatient is, from the transport request to their return to the ward. */
enum TransportStatus {
    REQUESTED, EN_ROUTE, IN_DEPARTMENT, IN_ROOM, RETURNED
}
