package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.net.dimse.Status;

/** Verification SOP Class SCP (PS3.4 Annex A, PS3.7 §9.1.5). */
public interface EchoService {
    /** The status of the C-ECHO-RSP. */
    default int echo(AssociationInfo association) {
        return Status.SUCCESS;
    }
}
