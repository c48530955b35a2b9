package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.ImageRenderer;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A rendered study or series (PS3.18 §10.4.1.1.4): {@code multipart/related} of its instances rendered, one part per
 * frame (every frame of a multi-frame instance, as the media types are single-frame ones), in the archive's order
 * (series, then instance number), each part with the Content-Location of that frame's rendered resource. The parts
 * are rendered and written one at a time, so memory holds one image whatever the size of the series. Instances
 * without pixels to render (reports, key objects, syntaxes not decoded here) are left out; if nothing is left, 406.
 */
final class RenderedParts {
    private RenderedParts() {
    }

    /**
     * {@code image/jpeg} or {@code image/png} as the part type that {@code accept} allows, jpeg first. A single-part
     * type alone ({@code image/jpeg}) does not do for a resource of many items (§10.4.4): 406, as for any other.
     */
    static String mediaType(String accept) {
        for (AcceptHeader.MediaRange range : AcceptHeader.parse(accept)) {
            if (range.isWildcard()) {
                return RenderedImages.JPEG;
            }
            if (range.allows("multipart", "related")) {
                String type = range.parameter("type");
                if (type == null || allows(type, RenderedImages.JPEG)) {
                    return RenderedImages.JPEG;
                }
                if (allows(type, RenderedImages.PNG)) {
                    return RenderedImages.PNG;
                }
            }
        }
        throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "a rendered study or series is sent as "
                + "multipart/related; type=\"image/jpeg\" or type=\"image/png\", one image per part; ask a single "
                + "image of an instance or frame for image/jpeg or image/png alone, not " + accept);
    }

    private static boolean allows(String type, String wanted) {
        String asked = type.strip().toLowerCase(Locale.ROOT);
        return asked.equals(wanted) || asked.equals("image/*") || asked.equals("*/*");
    }

    /** Every frame of {@code files} rendered as {@code mediaType}, streamed as a multipart response. */
    static void write(List<StoredFile> files, String mediaType, Rendering rendering, float quality,
            HttpServletResponse response) throws IOException {
        DicomWebLinks links = DicomWebLinks.ofCurrentRequest();
        MultipartWriter multipart = null;
        String leftOut = null;
        for (StoredFile file : files) {
            ImageRenderer renderer;
            try {
                renderer = RenderedImages.open(file);
                for (int frame = 1; frame <= renderer.pixelData().frameCount(); frame++) {
                    byte[] image = RenderedImages.encode(renderer, frame, mediaType, rendering, quality);
                    if (multipart == null) {
                        multipart = new MultipartWriter(response.getOutputStream());
                        response.setContentType(multipart.contentType(mediaType));
                    }
                    multipart.part(mediaType, links.instance(file.studyInstanceUid(), file.seriesInstanceUid(),
                            file.sopInstanceUid()) + "/frames/" + frame + "/rendered", image);
                }
            } catch (HounsfieldException e) {
                leftOut = e.getMessage();
            }
        }
        if (multipart == null) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "no instance here can be rendered"
                    + (leftOut == null ? "" : ": " + leftOut));
        }
        multipart.close();
    }
}
