package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;

/** The answer to a DIMSE-N request: status, an optional data set, and for N-CREATE the instance UID created. */
public record NResponse(int status, Attributes dataset, String sopInstanceUid) {
    public static NResponse of(int status) {
        return new NResponse(status, null, null);
    }
}
