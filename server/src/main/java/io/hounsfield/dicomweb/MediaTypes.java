package io.hounsfield.dicomweb;

import java.util.List;
import org.springframework.http.MediaType;

/** The media types of DICOMweb (PS3.18 §8.7) and what an Accept header (RFC 9110 §12.5.1) allows of them. */
final class MediaTypes {
    static final String DICOM = "application/dicom";
    static final String DICOM_JSON = "application/dicom+json";
    static final String OCTET_STREAM = "application/octet-stream";
    static final MediaType DICOM_JSON_TYPE = MediaType.parseMediaType(DICOM_JSON);

    private MediaTypes() {
    }

    /** A parameter's value without its quotes, or {@code null}. */
    static String parameter(MediaType type, String name) {
        String value = type.getParameter(name);
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * The ranges of {@code accept} that allow {@code multipart/related; type="application/dicom"} (WADO-RS,
     * §10.4.1.1), most preferred first.
     */
    static List<AcceptHeader.MediaRange> multipartDicom(String accept) {
        return AcceptHeader.parse(accept).stream().filter(range -> range.isWildcard()
                || range.allows("multipart", "related")
                && (range.parameter("type") == null || range.parameter("type").equalsIgnoreCase(DICOM))).toList();
    }

    /** Whether {@code accept} allows {@code multipart/related; type="application/dicom"}. */
    static boolean acceptsMultipartDicom(String accept) {
        return !multipartDicom(accept).isEmpty();
    }

    /** Whether {@code accept} allows {@code application/dicom+json} (QIDO-RS, WADO-RS metadata, STOW-RS response). */
    static boolean acceptsDicomJson(String accept) {
        return AcceptHeader.parse(accept).stream().anyMatch(range -> range.allows("application", "dicom+json")
                || range.allows("application", "json"));
    }
}
