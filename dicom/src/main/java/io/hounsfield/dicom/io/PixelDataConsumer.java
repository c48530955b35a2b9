package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;

/**
 * Receives top-level Pixel Data (7FE0,0010) as it streams by, so that the reader never holds it. The stream given
 * ends at the value's end; what the consumer leaves unread is skipped.
 */
public interface PixelDataConsumer {
    /** Native pixel data (PS3.5 §8.1.1), {@code length} bytes in the transfer syntax's byte order. */
    void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException;

    /** One item of encapsulated pixel data (PS3.5 §A.4): index 0 is the Basic Offset Table, then the fragments. */
    void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException;
}
