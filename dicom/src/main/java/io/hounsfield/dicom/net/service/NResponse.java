package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;

/**
 * The answer to a DIMSE-N request: status, an optional data set, for N-CREATE the instance UID created, and an
 * optional N-EVENT-REPORT to send to the requestor on the same association once the response is sent (e.g. the
 * Storage Commitment result, PS3.4 §J.3.3).
 */
public record NResponse(int status, Attributes dataset, String sopInstanceUid, EventReport eventReport) {
    /** An N-EVENT-REPORT request to send after the response (PS3.7 §10.1.1). */
    public record EventReport(String sopClassUid, String sopInstanceUid, int eventTypeId, Attributes information) {
    }

    public NResponse(int status, Attributes dataset, String sopInstanceUid) {
        this(status, dataset, sopInstanceUid, null);
    }

    public static NResponse of(int status) {
        return new NResponse(status, null, null);
    }
}
