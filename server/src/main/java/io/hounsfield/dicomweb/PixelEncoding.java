package io.hounsfield.dicomweb;

import io.hounsfield.dicom.dict.UidDictionary;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How frames or pixel data are sent, chosen from the Accept header (PS3.18 §8.7.3.5, §10.4.1.1.3): native pixels
 * as {@code application/octet-stream} in Explicit VR Little Endian (from any native syntax), or an encapsulated
 * instance's stored bitstream with its codec's media type. {@code transfer-syntax=*} takes the stored syntax;
 * {@code * / *} takes whatever is stored. A syntax that would need decoding is not produced (406 naming what is
 * stored and how to ask for it), never silently another.
 *
 * @param mediaType         the parts' media type
 * @param transferSyntaxUid the parts' transfer-syntax parameter
 * @param stored            whether the stored bytes go out as they are (encapsulated), else native pixels
 */
record PixelEncoding(String mediaType, String transferSyntaxUid, boolean stored) {

    /** The part Content-Type, e.g. {@code image/jls; transfer-syntax=1.2.840.10008.1.2.4.80}. */
    String partContentType() {
        return mediaType + "; transfer-syntax=" + transferSyntaxUid;
    }

    /** The encoding {@code accept} allows for pixel data stored in {@code storedSyntax}, else a 406. */
    static PixelEncoding negotiate(String accept, String storedSyntax) {
        boolean isNative = PixelMediaTypes.isNative(storedSyntax);
        String storedType = isNative ? MediaTypes.OCTET_STREAM : PixelMediaTypes.ofEncapsulated(storedSyntax);
        PixelEncoding asStored = isNative ? new PixelEncoding(MediaTypes.OCTET_STREAM, PixelMediaTypes.NATIVE_SYNTAX,
                false) : storedType == null ? null : new PixelEncoding(storedType, storedSyntax, true);
        List<String> asked = new ArrayList<>();
        for (AcceptHeader.MediaRange range : AcceptHeader.parse(accept)) {
            if (range.isWildcard() && range.parameters().isEmpty()) {
                if (asStored != null) {
                    return asStored;
                }
                continue;
            }
            if (!range.allows("multipart", "related")) {
                asked.add(range.type() + "/" + range.subtype());
                continue;
            }
            String type = range.parameter("type") == null ? MediaTypes.OCTET_STREAM
                    : range.parameter("type").toLowerCase(Locale.ROOT);
            String syntax = range.parameter("transfer-syntax");
            PixelEncoding chosen = choose(type, syntax, isNative, storedSyntax, storedType, asStored);
            if (chosen != null) {
                return chosen;
            }
            asked.add(type + (syntax == null ? "" : " in " + syntax));
        }
        throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "cannot send " + (asked.isEmpty() ? "what was asked"
                : String.join(", ", asked)) + ": the pixel data is stored as " + UidDictionary.nameOf(storedSyntax)
                + " (" + storedSyntax + ")" + (isNative ? "; it comes as multipart/related; type=\""
                + MediaTypes.OCTET_STREAM + "\"; transfer-syntax=" + PixelMediaTypes.NATIVE_SYNTAX
                : storedType == null ? ", whose frames are not sent"
                : "; decoding is not available here: ask for multipart/related; type=\"" + storedType
                + "\" or transfer-syntax=*"));
    }

    private static PixelEncoding choose(String type, String syntax, boolean isNative, String storedSyntax,
            String storedType, PixelEncoding asStored) {
        boolean anySyntax = "*".equals(syntax);
        if (type.equals(MediaTypes.OCTET_STREAM)) {
            if (isNative && (syntax == null || anySyntax || syntax.equals(PixelMediaTypes.NATIVE_SYNTAX))) {
                return asStored;
            }
            if (!isNative && (anySyntax || storedSyntax.equals(syntax))) {
                // transfer-syntax=* lets the server keep the stored syntax, which then names its own media type.
                return asStored;
            }
            return null;
        }
        if (!isNative && (type.equals(storedType) || type.equals("*/*"))
                && (syntax == null || anySyntax || storedSyntax.equals(syntax))) {
            return asStored;
        }
        if (isNative && type.equals("*/*") && (syntax == null || anySyntax)) {
            return asStored;
        }
        return null;
    }
}
