package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;

/**
 * A lookup table as the LUT Descriptor and LUT Data of the Modality LUT, VOI LUT and palette modules describe it
 * (PS3.3 §C.11.1.1, §C.7.6.3.1.5): entries for consecutive inputs from {@code firstMapped}; inputs below map to
 * the first entry, above to the last.
 *
 * @param bits the bits of each entry (8 to 16)
 */
record LookupTable(int firstMapped, int[] entries, int bits) {

    /** The table from a descriptor (3 values) and its data (16-bit words, or bytes for 8-bit palettes). */
    static LookupTable of(int[] descriptor, byte[] data, boolean signedInput) throws PixelDataException {
        if (descriptor.length != 3 || data == null) {
            throw new PixelDataException("a lookup table has no descriptor of three values or no data");
        }
        int count = descriptor[0] == 0 ? 65536 : descriptor[0] & 0xFFFF;
        int first = signedInput ? (short) descriptor[1] : descriptor[1] & 0xFFFF;
        int bits = descriptor[2];
        if (bits < 1 || bits > 16) {
            throw new PixelDataException("a lookup table has " + bits + " bits per entry, 1 to 16 expected");
        }
        int[] entries = new int[count];
        if (data.length >= 2 * count) {
            for (int i = 0; i < count; i++) {
                entries[i] = ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8) & ((1 << bits) - 1);
            }
        } else if (bits <= 8 && data.length >= count) {
            for (int i = 0; i < count; i++) {
                entries[i] = data[i] & 0xFF;
            }
        } else {
            throw new PixelDataException("a lookup table of " + count + " entries has only " + data.length
                    + " bytes of data");
        }
        return new LookupTable(first, entries, bits);
    }

    /** The table in an item of a Modality or VOI LUT Sequence. */
    static LookupTable of(Attributes item, int descriptorTag, int dataTag, boolean signedInput)
            throws PixelDataException {
        return of(item.getInts(descriptorTag), item.bytes(dataTag), signedInput);
    }

    int lookup(long input) {
        long index = input - firstMapped;
        return entries[(int) Math.max(0, Math.min(entries.length - 1, index))];
    }

    int maxOutput() {
        return (1 << bits) - 1;
    }
}
