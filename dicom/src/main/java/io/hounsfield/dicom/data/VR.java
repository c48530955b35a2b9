package io.hounsfield.dicom.data;

/**
 * Value Representations with their encoding rules and value codecs (PS3.5 §6.2, Table 6.2-1).
 * Values of binary VRs are held little endian; {@link #unitSize()} tells the byte swapping unit for big endian
 * (PS3.5 §7.3).
 */
public enum VR {
    AE(Kind.STRING, false, 1, ' ', false),
    AS(Kind.STRING, false, 1, ' ', false),
    AT(Kind.TAG, false, 2, 0, false),
    CS(Kind.STRING, false, 1, ' ', false),
    DA(Kind.STRING, false, 1, ' ', false),
    DS(Kind.STRING, false, 1, ' ', false),
    DT(Kind.STRING, false, 1, ' ', false),
    FL(Kind.FLOAT, false, 4, 0, false),
    FD(Kind.FLOAT, false, 8, 0, false),
    IS(Kind.STRING, false, 1, ' ', false),
    LO(Kind.STRING, false, 1, ' ', true),
    LT(Kind.TEXT, false, 1, ' ', true),
    OB(Kind.BYTES, true, 1, 0, false),
    OD(Kind.BYTES, true, 8, 0, false),
    OF(Kind.BYTES, true, 4, 0, false),
    OL(Kind.BYTES, true, 4, 0, false),
    OV(Kind.BYTES, true, 8, 0, false),
    OW(Kind.BYTES, true, 2, 0, false),
    PN(Kind.STRING, false, 1, ' ', true),
    SH(Kind.STRING, false, 1, ' ', true),
    SL(Kind.INTEGER, false, 4, 0, false),
    SQ(Kind.SEQUENCE, true, 1, 0, false),
    SS(Kind.INTEGER, false, 2, 0, false),
    ST(Kind.TEXT, false, 1, ' ', true),
    SV(Kind.INTEGER, true, 8, 0, false),
    TM(Kind.STRING, false, 1, ' ', false),
    UC(Kind.STRING, true, 1, ' ', true),
    UI(Kind.STRING, false, 1, 0, false),
    UL(Kind.INTEGER, false, 4, 0, false),
    UN(Kind.BYTES, true, 1, 0, false),
    UR(Kind.TEXT, true, 1, ' ', false),
    US(Kind.INTEGER, false, 2, 0, false),
    UT(Kind.TEXT, true, 1, ' ', true),
    UV(Kind.INTEGER, true, 8, 0, false);

    /** How values of a VR are encoded. */
    public enum Kind {
        /** Character strings, multiple values separated by backslash. */
        STRING,
        /** Character strings of a single value in which backslash is text (LT, ST, UT, UR). */
        TEXT,
        /** Binary integers. */
        INTEGER,
        /** Binary IEEE 754 floating point numbers. */
        FLOAT,
        /** Attribute tags: pairs of 16-bit unsigned integers. */
        TAG,
        /** Byte streams, other-word streams and UN. */
        BYTES,
        /** Sequences of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[(vr.name().charAt(0) - 'A') * 26 + vr.name().charAt(1) - 'A'] = vr;
        }
    }

    private final Kind kind;
    private final boolean longLength;
    private final int unitSize;
    private final byte padding;
    private final boolean charsetSpecific;

    VR(Kind kind, boolean longLength, int unitSize, int padding, boolean charsetSpecific) {
        this.kind = kind;
        this.longLength = longLength;
        this.unitSize = unitSize;
        this.padding = (byte) padding;
        this.charsetSpecific = charsetSpecific;
    }

    /** The VR for two ASCII characters, or {@code null} if they name none. */
    public static VR of(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        return BY_CODE[(first - 'A') * 26 + second - 'A'];
    }

    /** The VR named by a dictionary VR text; for "OB or OW" and the like, the first alternative. */
    public static VR ofDictionary(String text) {
        if (text == null || text.length() < 2) {
            return UN;
        }
        VR vr = of(text.charAt(0), text.charAt(1));
        return vr == null ? UN : vr;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 §7.1.2). */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Size in bytes of one binary value, the unit swapped between little and big endian (PS3.5 §7.3). */
    public int unitSize() {
        return unitSize;
    }

    /** The byte that pads a value to even length: space for strings, NUL for UI and binary (PS3.5 §6.2). */
    public byte padding() {
        return padding;
    }

    /** Whether values are decoded with the Specific Character Set (PS3.5 §6.1.2.3). */
    public boolean isCharsetSpecific() {
        return charsetSpecific;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** Whether leading spaces are insignificant as well as trailing ones (PS3.5 Table 6.2-1). */
    public boolean trimsLeading() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, TM, UI -> true;
            default -> false;
        };
    }

    /** Decodes a string value into its values, trimming insignificant padding (PS3.5 §6.2). */
    public String[] decodeStrings(byte[] value, SpecificCharacterSet charset) {
        return StringValues.decode(this, value, charset);
    }

    /** Encodes string values, joined by backslash and padded to even length (PS3.5 §6.2). */
    public byte[] encodeStrings(String[] values, SpecificCharacterSet charset) {
        return StringValues.encode(this, values, charset);
    }

    /** Decodes binary integers or tags (little endian) as longs; unsigned VRs are zero-extended. */
    public long[] decodeIntegers(byte[] value) {
        return BinaryValues.decodeIntegers(this, value);
    }

    /** Encodes longs as binary integers of this VR, little endian. */
    public byte[] encodeIntegers(long[] values) {
        return BinaryValues.encodeIntegers(this, values);
    }

    /** Decodes FL, FD, OF or OD values (little endian). */
    public double[] decodeFloats(byte[] value) {
        return BinaryValues.decodeFloats(this, value);
    }

    /** Encodes doubles as FL, FD, OF or OD values, little endian. */
    public byte[] encodeFloats(double[] values) {
        return BinaryValues.encodeFloats(this, values);
    }
}
