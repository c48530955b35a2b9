package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;

/** Computes how many bytes elements take when encoded, for group and sequence lengths (PS3.5 §7.1, §7.2, §7.5). */
final class EncodedLength {
    private final boolean explicitVr;
    private final WriteOptions options;

    EncodedLength(boolean explicitVr, WriteOptions options) {
        this.explicitVr = explicitVr;
        this.options = options;
    }

    /** The header size of an element with {@code vr} and a value of {@code length} bytes. */
    int headerLength(VR vr, long length) {
        if (!explicitVr) {
            return 8;
        }
        return writtenVr(vr, length).hasLongLength() ? 12 : 8;
    }

    /** The VR written in explicit VR: one whose length field cannot hold the value becomes UN (PS3.5 §6.2.2). */
    static VR writtenVr(VR vr, long length) {
        return !vr.hasLongLength() && length > 0xFFFF ? VR.UN : vr;
    }

    /** The whole element: header and value, padded to even length. */
    long element(VR vr, Object value) {
        if (value instanceof Sequence sequence) {
            return headerLength(VR.SQ, 0) + sequenceValue(sequence);
        }
        if (value instanceof Fragments fragments) {
            long total = headerLength(VR.OB, 0) + 8;
            for (byte[] item : fragments.items()) {
                total += 8 + even(item.length);
            }
            return total;
        }
        long length = value instanceof BulkData bulkData ? even(bulkData.length()) : even(((byte[]) value).length);
        return headerLength(vr, length) + length;
    }

    long sequenceValue(Sequence sequence) {
        long total = options.undefinedLengths() ? 8 : 0;
        for (Attributes item : sequence) {
            total += 8 + dataset(item) + (options.undefinedLengths() ? 8 : 0);
        }
        return total;
    }

    /** The data set as written, with group lengths as the options say. */
    long dataset(Attributes dataset) {
        long total = 0;
        int group = -1;
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (Tag.isGroupLength(tag)) {
                continue;
            }
            if (Tag.group(tag) != group) {
                group = Tag.group(tag);
                total += writesGroupLength(dataset, group) ? headerLength(VR.UL, 4) + 4 : 0;
            }
            total += element(dataset.vrAt(i), dataset.valueAt(i));
        }
        return total;
    }

    boolean writesGroupLength(Attributes dataset, int group) {
        return switch (options.groupLengths()) {
            case OMIT -> false;
            case ADD -> true;
            case RECALCULATE -> dataset.contains(Tag.of(group, 0));
        };
    }

    /** The length of {@code group}'s elements after its group length. */
    long group(Attributes dataset, int group) {
        long total = 0;
        int first = dataset.indexOf(Tag.of(group, 0));
        for (int i = first >= 0 ? first : -first - 1; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            if (Tag.group(tag) != group) {
                break;
            }
            if (!Tag.isGroupLength(tag)) {
                total += element(dataset.vrAt(i), dataset.valueAt(i));
            }
        }
        return total;
    }

    static long even(long length) {
        return length + (length & 1);
    }
}
