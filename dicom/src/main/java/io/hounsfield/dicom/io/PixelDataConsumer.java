package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Receives top-level pixel data as it streams by, so that the reader never holds it: Pixel Data (7FE0,0010), native
 * or encapsulated, and native Float (7FE0,0008) and Double Float (7FE0,0009) Pixel Data. The stream given
 * ends at the value's end; what the consumer leaves unread is skipped.
 */
public interface PixelDataConsumer {
    /**
     * Reads pixel data through to nothing. Unlike leaving it unread (which may skip the bytes on the input), every
     * byte passes the input stream, so an input that copies what it reads elsewhere (to a file) sees them all.
     */
    PixelDataConsumer DISCARD = new PixelDataConsumer() {
        @Override
        public void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException {
            value.transferTo(OutputStream.nullOutputStream());
        }

        @Override
        public void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException {
            value.transferTo(OutputStream.nullOutputStream());
        }
    };

    /** Native pixel data (PS3.5 §8.1.1), {@code length} bytes in the transfer syntax's byte order. */
    void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException;

    /** One item of encapsulated pixel data (PS3.5 §A.4): index 0 is the Basic Offset Table, then the fragments. */
    void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException;
}
