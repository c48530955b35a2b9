package io.hounsfield.dicom.image;

/** Masks a stored value to Bits Stored below High Bit and sign-extends it (PS3.5 §8.1.1). */
final class SampleUnpacker {
    private final int shift;
    private final int bits;
    private final boolean signed;

    SampleUnpacker(ImageDescription description) {
        this.shift = description.highBit() + 1 - description.bitsStored();
        this.bits = description.bitsStored();
        this.signed = description.signed();
    }

    int unpack(int raw) {
        int value = raw >>> shift;
        if (bits == 32) {
            return value;
        }
        return signed ? (value << (32 - bits)) >> (32 - bits) : value & ((1 << bits) - 1);
    }
}
