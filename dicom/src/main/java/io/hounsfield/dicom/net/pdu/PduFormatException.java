package io.hounsfield.dicom.net.pdu;

import java.io.IOException;

/**
 * A PDU that cannot be decoded (PS3.8 §9.3): unrecognized type, inconsistent or over-limit length, malformed item.
 * Carries the A-ABORT reason to send (PS3.8 §9.3.8).
 */
public final class PduFormatException extends IOException {
    private final int abortReason;

    public PduFormatException(String message, int abortReason) {
        super(message);
        this.abortReason = abortReason;
    }

    public int abortReason() {
        return abortReason;
    }
}
