package io.hounsfield.dicom.net;

import io.hounsfield.dicom.dict.UidDictionary;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.IOException;

/**
 * An instance was not sent because the peer accepted none of the transfer syntaxes it can be sent in: it is stored
 * compressed and the peer accepted only other syntaxes (PS3.4 §B.2.1: an SCU sends in a negotiated syntax only).
 */
public final class TransferSyntaxNotAcceptedException extends IOException {
    private final String sopInstanceUid;

    TransferSyntaxNotAcceptedException(DicomInstance instance, String acceptedTransferSyntaxUid) {
        super("instance " + instance.sopInstanceUid() + " is stored as " + name(instance.transferSyntaxUid())
                + " and the receiver accepted only " + name(acceptedTransferSyntaxUid)
                + " for its class; it is not sent (no decompression)");
        this.sopInstanceUid = instance.sopInstanceUid();
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    private static String name(String uid) {
        return UidDictionary.nameOf(uid);
    }
}
