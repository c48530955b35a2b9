package io.hounsfield.dicom.io;

import io.hounsfield.dicom.dict.UidDictionary;

/**
 * How a data set is encoded (PS3.5 §10): VR explicit or implicit, byte order, deflate, and whether pixel data is
 * encapsulated. Unknown UIDs are taken as explicit VR little endian with encapsulated pixel data (PS3.5 §A.4).
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
    /** Implicit VR Little Endian, the default (PS3.5 §A.1). */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    /** Explicit VR Little Endian (PS3.5 §A.2). */
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    /** Deflated Explicit VR Little Endian (PS3.5 §A.5). */
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    /** Explicit VR Big Endian, retired (PS3.5 §A.3). */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);
    /** Encapsulated Uncompressed Explicit VR Little Endian (PS3.5 §A.4.11). */
    public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED = new TransferSyntax("1.2.840.10008.1.2.1.98", true, false, false, true);

    private static final TransferSyntax[] UNCOMPRESSED = {
        IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_BIG_ENDIAN};

    /** The transfer syntax of {@code uid}. */
    public static TransferSyntax of(String uid) {
        String stripped = uid.strip();
        for (TransferSyntax syntax : UNCOMPRESSED) {
            if (syntax.uid.equals(stripped)) {
                return syntax;
            }
        }
        if (stripped.equals(ENCAPSULATED_UNCOMPRESSED.uid)) {
            return ENCAPSULATED_UNCOMPRESSED;
        }
        boolean deflated = stripped.equals("1.2.840.10008.1.2.8.1");
        return new TransferSyntax(stripped, true, false, deflated, true);
    }

    /** The four transfer syntaxes whose pixel data is native: implicit, explicit, deflated and big endian. */
    public static TransferSyntax[] uncompressed() {
        return UNCOMPRESSED.clone();
    }

    public String name() {
        return UidDictionary.nameOf(uid);
    }
}
