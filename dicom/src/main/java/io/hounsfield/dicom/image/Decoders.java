package io.hounsfield.dicom.image;

import io.hounsfield.dicom.io.TransferSyntax;

/** The decoder of each transfer syntax decoded here, and the words for those that are not. */
final class Decoders {
    private static final FrameDecoder NATIVE = new NativeFrameDecoder();
    private static final FrameDecoder RLE = new RleFrameDecoder();
    private static final FrameDecoder JPEG = new JpegImageIoDecoder();
    private static final FrameDecoder JPEG_LOSSLESS = new JpegLosslessDecoder();
    private static final FrameDecoder JPEG_LS = new JpegLsDecoder();

    private Decoders() {
    }

    /** The decoder for {@code syntax}, or {@code null} if it is not decoded here. */
    static FrameDecoder forSyntax(TransferSyntax syntax) {
        if (!syntax.encapsulated() || syntax.uid().equals("1.2.840.10008.1.2.1.98")) {
            return NATIVE;
        }
        return switch (syntax.uid()) {
            case "1.2.840.10008.1.2.5" -> RLE;
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51" -> JPEG;
            case "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70" -> JPEG_LOSSLESS;
            case "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81" -> JPEG_LS;
            default -> null;
        };
    }

    static NotDecodableException notDecodable(TransferSyntax syntax) {
        String uid = syntax.uid();
        String what;
        if (uid.startsWith("1.2.840.10008.1.2.4.9") || uid.startsWith("1.2.840.10008.1.2.4.20")) {
            what = "JPEG 2000 images";
        } else if (uid.startsWith("1.2.840.10008.1.2.4.10")) {
            what = "MPEG and HEVC video";
        } else if (uid.startsWith("1.2.840.10008.1.2.4.11")) {
            what = "JPEG XL images";
        } else if (uid.startsWith("1.2.840.10008.1.2.4.")) {
            what = "JPEG images of this process (" + syntax.name() + ")";
        } else {
            what = "images in the transfer syntax " + syntax.name();
        }
        return new NotDecodableException(uid, what + " cannot be decoded here (transfer syntax " + uid + ")");
    }
}
