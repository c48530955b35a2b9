package io.hounsfield.dicom.io;

import java.io.ByteArrayOutputStream;

/** Builds raw encodings byte by byte for reader tests. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    Bytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static Bytes littleEndian() {
        return new Bytes(false);
    }

    Bytes u16(int value) {
        if (bigEndian) {
            out.write(value >>> 8);
            out.write(value);
        } else {
            out.write(value);
            out.write(value >>> 8);
        }
        return this;
    }

    Bytes u32(long value) {
        return bigEndian ? u16((int) (value >>> 16)).u16((int) value) : u16((int) value).u16((int) (value >>> 16));
    }

    Bytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Bytes ascii(String text) {
        out.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return this;
    }

    Bytes raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** An explicit VR element with a 16-bit length. */
    Bytes shortElement(int tag, String vr, String value) {
        return tag(tag).ascii(vr).u16(value.length()).ascii(value);
    }

    /** An explicit VR element header with a 32-bit length. */
    Bytes longHeader(int tag, String vr, long length) {
        return tag(tag).ascii(vr).u16(0).u32(length);
    }

    /** An implicit VR element header. */
    Bytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    java.io.InputStream stream() {
        return new java.io.ByteArrayInputStream(bytes());
    }
}
