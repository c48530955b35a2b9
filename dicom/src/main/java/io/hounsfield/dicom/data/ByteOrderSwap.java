package io.hounsfield.dicom.data;

/** Swaps the byte order of binary values between little and big endian (PS3.5 §7.3). */
public final class ByteOrderSwap {
    private ByteOrderSwap() {
    }

    /** Swaps each value of {@code vr} in place; AT swaps its two 16-bit halves separately. */
    public static void swap(VR vr, byte[] value, int offset, int length) {
        if (vr.kind() == VR.Kind.STRING || vr.kind() == VR.Kind.TEXT || vr == VR.UN || vr == VR.OB) {
            return;
        }
        BinaryValues.swap(value, offset, length, vr.unitSize());
    }
}
