package io.hounsfield.dicom.io;

/**
 * Choices of a {@link DicomWriter}.
 *
 * @param groupLengths     what to do with Group Length (gggg,0000) elements (PS3.5 §7.2)
 * @param undefinedLengths write sequences and items with undefined length and delimiters (PS3.5 §7.5.2), else with
 *                         explicit lengths
 */
public record WriteOptions(GroupLengths groupLengths, boolean undefinedLengths) {
    /** Group lengths recalculated where present, sequences of undefined length. */
    public static final WriteOptions DEFAULT = new WriteOptions(GroupLengths.RECALCULATE, true);

    /** Treatment of Group Length elements, which are optional outside the File Meta Information (PS3.5 §7.2). */
    public enum GroupLengths {
        /** Leave every group length out. */
        OMIT,
        /** Write the group lengths present in the data set, with recalculated values. */
        RECALCULATE,
        /** Write a group length before every group. */
        ADD
    }

    public WriteOptions withGroupLengths(GroupLengths value) {
        return new WriteOptions(value, undefinedLengths);
    }

    public WriteOptions withUndefinedLengths(boolean value) {
        return new WriteOptions(groupLengths, value);
    }
}
