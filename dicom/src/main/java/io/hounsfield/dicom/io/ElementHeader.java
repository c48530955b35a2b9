package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.VR;

/** A data element's header as read (PS3.5 §7.1): tag, VR ({@code null} for items and delimiters), length, offset. */
record ElementHeader(int tag, VR vr, long length, long offset) {
    /** The length field value 0xFFFFFFFF (PS3.5 §7.1.1). */
    static final long UNDEFINED = 0xFFFFFFFFL;

    boolean undefinedLength() {
        return length == UNDEFINED;
    }
}
