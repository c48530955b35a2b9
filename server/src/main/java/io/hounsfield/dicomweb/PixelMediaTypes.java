package io.hounsfield.dicomweb;

import io.hounsfield.dicom.io.TransferSyntax;
import java.util.Map;

/**
 * The media type of a frame's or of pixel data's bytes in each transfer syntax (PS3.18 Table 8.7.3-2 and
 * §8.7.3.3): native (uncompressed) pixels are {@code application/octet-stream} in Explicit VR Little Endian, a
 * compressed bitstream has the media type of its codec.
 */
final class PixelMediaTypes {
    static final String NATIVE_SYNTAX = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private static final Map<String, String> COMPRESSED = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
            Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
            Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
            Map.entry("1.2.840.10008.1.2.4.92", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.93", "image/jpx"),
            Map.entry("1.2.840.10008.1.2.4.201", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.202", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.4.203", "image/jphc"),
            Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"),
            Map.entry(TransferSyntax.ENCAPSULATED_UNCOMPRESSED.uid(), MediaTypes.OCTET_STREAM));

    private PixelMediaTypes() {
    }

    /** Whether pixel data in {@code transferSyntaxUid} is native, i.e. not encapsulated (PS3.5 §8.1.1). */
    static boolean isNative(String transferSyntaxUid) {
        return !TransferSyntax.of(transferSyntaxUid).encapsulated();
    }

    /** The media type of a frame stored in encapsulated {@code transferSyntaxUid}, or {@code null} if unknown. */
    static String ofEncapsulated(String transferSyntaxUid) {
        return COMPRESSED.get(transferSyntaxUid);
    }
}
