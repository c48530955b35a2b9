package io.hounsfield.worklist;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;

/**
 * A C-FIND response carries the keys that were asked for and no others (PS3.4 §C.2.2.1.3): this copies
 * each requested key from the full record, empty where the record has no value, item by item in sequences.
 */
final class KeyProjection {

    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;

    private KeyProjection() {}

    static Attributes project(Attributes keys, Attributes record) {
        Attributes response = new Attributes();
        if (record.contains(SPECIFIC_CHARACTER_SET)) {
            response.setValue(SPECIFIC_CHARACTER_SET, VR.CS, record.value(SPECIFIC_CHARACTER_SET));
        }
        copyKeys(keys, record, response);
        return response;
    }

    private static void copyKeys(Attributes keys, Attributes record, Attributes target) {
        for (int index = 0; index < keys.size(); index++) {
            int tag = keys.tagAt(index);
            if (tag == SPECIFIC_CHARACTER_SET) {
                continue;
            }
            if (keys.vrAt(index) == VR.SQ) {
                copySequence(keys.getSequence(tag), record.getSequence(tag), target.newSequence(tag));
            } else if (record.contains(tag)) {
                target.setValue(tag, record.vr(tag), record.value(tag));
            } else {
                target.setValue(tag, keys.vrAt(index), null);
            }
        }
    }

    private static void copySequence(Sequence requested, Sequence available, Sequence target) {
        if (available == null) {
            return;
        }
        Attributes itemKeys = requested == null || requested.isEmpty() ? new Attributes() : requested.get(0);
        for (Attributes item : available) {
            copyKeys(itemKeys, item, target.addItem());
        }
    }
}
