package io.hounsfield.dicom.dict;

import io.hounsfield.dicom.data.VR;

/**
 * One data element of the dictionary (PS3.6 §6): the tag (with {@code mask} bits that must match, so repeating groups
 * such as (60xx,3000) are one entry), its VR as the dictionary spells it ("US or SS"), VM, retired flag, keyword and name.
 */
public record ElementEntry(int tag, int mask, String vrText, String vm, boolean retired, String keyword, String name) {

    /** The VR, or the first alternative for an ambiguous one such as "OB or OW". */
    public VR vr() {
        return VR.ofDictionary(vrText);
    }

    /** Whether the dictionary leaves the VR to be decided by other elements (PS3.5 Annex A). */
    public boolean isAmbiguous() {
        return vrText.contains(" or ");
    }

    public boolean matches(int candidate) {
        return (candidate & mask) == tag;
    }

    /** Parses an 8-digit hexadecimal tag in which 'x' stands for any digit; returns {tag, mask}. */
    static int[] parseMask(String text) {
        int tag = 0;
        int mask = 0;
        for (int i = 0; i < 8; i++) {
            char c = text.charAt(i);
            tag <<= 4;
            mask <<= 4;
            if (c != 'x') {
                tag |= Character.digit(c, 16);
                mask |= 0xF;
            }
        }
        return new int[] {tag, mask};
    }
}
