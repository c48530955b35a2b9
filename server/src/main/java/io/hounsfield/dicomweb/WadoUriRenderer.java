package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Renders a stored image for WADO-URI (PS3.18 §9.1.2.1): a bean of this type adds the content types it
 * {@linkplain #renders renders} (image/jpeg, image/png, ...) to {@link WadoUriController}, which otherwise sends
 * only application/dicom.
 */
interface WadoUriRenderer {
    /** Whether this renderer produces {@code contentType} (a media type without parameters, lower case). */
    boolean renders(String contentType);

    /**
     * Writes {@code file} as {@code contentType} to {@code response}; {@code parameters} are the request's (rows,
     * columns, windowCenter, windowWidth, frameNumber, imageQuality, region, ...), first values only.
     */
    void render(StoredFile file, String contentType, Map<String, String> parameters, HttpServletResponse response)
            throws IOException;
}
