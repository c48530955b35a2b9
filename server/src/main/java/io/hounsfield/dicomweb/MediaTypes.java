package io.hounsfield.dicomweb;

import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The media types of DICOMweb (PS3.18 §8.7) and what an Accept header (RFC 9110 §12.5.1) allows of them. */
final class MediaTypes {
    static final String DICOM = "application/dicom";
    static final String DICOM_JSON = "application/dicom+json";
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

    /** Whether {@code accept} allows {@code multipart/related; type="application/dicom"} (WADO-RS, §10.4.1.1). */
    static boolean acceptsMultipartDicom(String accept) {
        return accepted(accept).stream().anyMatch(type -> type.isWildcardType()
                || type.getType().equals("multipart")
                && (type.isWildcardSubtype() || type.getSubtype().equals("related"))
                && (parameter(type, "type") == null || parameter(type, "type").equalsIgnoreCase(DICOM)));
    }

    /** Whether {@code accept} allows {@code application/dicom+json} (QIDO-RS, WADO-RS metadata, STOW-RS response). */
    static boolean acceptsDicomJson(String accept) {
        return accepted(accept).stream().anyMatch(type -> type.isWildcardType()
                || type.getType().equals("application") && (type.isWildcardSubtype()
                || type.getSubtype().equals("dicom+json") || type.getSubtype().equals("json")));
    }

    private static List<MediaType> accepted(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of(MediaType.ALL);
        }
        try {
            return MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return List.of();
        }
    }
}
