package io.hounsfield.dicom.image;

/**
 * Pixel data in a form this toolkit does not decode (e.g. JPEG 2000, or 12-bit JPEG where the JDK cannot). Its
 * message names the form in words, so that a caller can show it instead of a wrong or blank image.
 */
public final class NotDecodableException extends PixelDataException {
    private final String transferSyntaxUid;

    public NotDecodableException(String transferSyntaxUid, String message) {
        super(message);
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /** The transfer syntax of the pixel data. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
