package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.net.dimse.Dimse;

/**
 * A DIMSE-N request (PS3.7 §10.1): N-CREATE, N-SET, N-GET, N-ACTION, N-DELETE or N-EVENT-REPORT, with the Action or
 * Event Type ID where one applies (else 0) and the whole command set.
 */
public record NRequest(AssociationInfo association, Dimse dimse, String sopClassUid, String sopInstanceUid,
        int typeId, Attributes command) {
}
