package io.hounsfield.dicom.data;

/**
 * Data element tags as {@code int}s: group in the high 16 bits, element in the low 16 bits (PS3.5 §7.1).
 * Constants for every public tag are in {@link io.hounsfield.dicom.dict.Tags}.
 */
public final class Tag {
    /** Item (PS3.5 §7.5). */
    public static final int ITEM = 0xFFFEE000;
    /** Item Delimitation Item (PS3.5 §7.5). */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** Sequence Delimitation Item (PS3.5 §7.5). */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    /** Pixel Data (7FE0,0010). */
    public static final int PIXEL_DATA = 0x7FE00010;
    /** Specific Character Set (0008,0005). */
    public static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    /** Transfer Syntax UID (0002,0010). */
    public static final int TRANSFER_SYNTAX_UID = 0x00020010;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private data elements have an odd group number (PS3.5 §7.8). */
    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1 && group(tag) > 0x0008;
    }

    /** Private Creator elements are (gggg,0010-00FF) in an odd group (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        int element = element(tag);
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** The Private Creator tag that reserves the block a private tag belongs to (PS3.5 §7.8.1). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    /** Group Length elements are (gggg,0000) (PS3.5 §7.2). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
