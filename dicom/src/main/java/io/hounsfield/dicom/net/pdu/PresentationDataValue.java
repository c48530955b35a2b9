package io.hounsfield.dicom.net.pdu;

import java.util.Arrays;

/**
 * A presentation data value item (PS3.8 §9.3.5.1) with its message control header (PS3.8 Annex E.2): bit 0 set for
 * a command fragment, bit 1 set for the last fragment of a command or data set.
 */
public record PresentationDataValue(int presentationContextId, int messageControlHeader, byte[] data) {
    public static final int COMMAND = 0x01;
    public static final int LAST = 0x02;

    public boolean isCommand() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresentationDataValue value && value.presentationContextId == presentationContextId
                && value.messageControlHeader == messageControlHeader && Arrays.equals(value.data, data);
    }

    @Override
    public int hashCode() {
        return presentationContextId * 31 + messageControlHeader * 7 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "PDV[context=" + presentationContextId + ", header=" + messageControlHeader + ", " + data.length + " bytes]";
    }
}
