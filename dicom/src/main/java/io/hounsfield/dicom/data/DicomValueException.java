package io.hounsfield.dicom.data;

/**
 * A value that cannot be read as the type asked for, e.g. a Decimal String that is not a number ({@code "10.50/ 15.00"},
 * {@code "1.06,0.206"}, written by real devices against PS3.5 Table 6.2-1). The element itself stays readable as text.
 */
public final class DicomValueException extends IllegalArgumentException {
    private final int tag;
    private final String value;

    DicomValueException(int tag, VR vr, String value) {
        super(String.format("%s value \"%s\" of %s is not a number", vr, value, Tag.toString(tag)));
        this.tag = tag;
        this.value = value;
    }

    public int tag() {
        return tag;
    }

    /** The offending value, as text. */
    public String value() {
        return value;
    }
}
