package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.dicom.image.Viewport;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retrieve Rendered and thumbnails (PS3.18 §10.4.1.1.4, §10.4.1.1.5; query parameters §8.3.5.1): frames rendered by
 * the toolkit as image/jpeg (the default) or image/png, with {@code window=center,width[,function]},
 * {@code viewport=width,height} and {@code quality=1..100}; the {@code accept} query parameter (§8.3.3.1) stands
 * for the Accept header ({@link AcceptQueryParameter}). An instance renders its first frame. A study or series is
 * the multipart/related of its instances' frames rendered ({@link RenderedParts}). A thumbnail is one image: of a
 * series or study its representative instance, the middle one when sorted by SOP Instance UID, fitted into
 * {@code viewport} (default 128x128), image/jpeg unless image/png is asked.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies/{study}")
@PreAuthorize(DicomWebRoles.READ)
class RenderedController {
    static final Viewport THUMBNAIL = new Viewport(128, 128);
    private static final String PURPOSE = "WADO-RS rendered";
    private final StoredInstances stored;

    RenderedController(StoredInstances stored) {
        this.stored = stored;
    }

    @GetMapping("/rendered")
    void study(@PathVariable String study, @RequestParam(required = false) String window,
            @RequestParam(required = false) String viewport, @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        renderedParts(study, null, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/rendered")
    void series(@PathVariable String study, @PathVariable String series,
            @RequestParam(required = false) String window, @RequestParam(required = false) String viewport,
            @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        renderedParts(study, series, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/rendered")
    void instance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @RequestParam(required = false) String window, @RequestParam(required = false) String viewport,
            @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        StoredFile file = stored.instance(study, series, instance, PURPOSE);
        rendered(file, 1, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/frames/{frame}/rendered")
    void frame(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String frame, @RequestParam(required = false) String window,
            @RequestParam(required = false) String viewport, @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        int number = frameNumber(frame);
        StoredFile file = stored.instance(study, series, instance, PURPOSE);
        rendered(file, number, window, viewport, quality, accept, response);
    }

    @GetMapping("/thumbnail")
    void studyThumbnail(@PathVariable String study, @RequestParam(required = false) String viewport,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        thumbnail(representative(study, null), 1, viewport, accept, response);
    }

    @GetMapping("/series/{series}/thumbnail")
    void seriesThumbnail(@PathVariable String study, @PathVariable String series,
            @RequestParam(required = false) String viewport,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        thumbnail(representative(study, series), 1, viewport, accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/thumbnail")
    void instanceThumbnail(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @RequestParam(required = false) String viewport,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        thumbnail(stored.instance(study, series, instance, "WADO-RS thumbnail"), 1, viewport,
                accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/frames/{frame}/thumbnail")
    void frameThumbnail(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String frame, @RequestParam(required = false) String viewport,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        int number = frameNumber(frame);
        thumbnail(stored.instance(study, series, instance, "WADO-RS thumbnail"), number,
                viewport, accept, response);
    }

    private void rendered(StoredFile file, int frame, String window, String viewport, String quality,
            String accept, HttpServletResponse response) throws IOException {
        RenderedImages.write(file, frame, mediaType(accept), rendering(window, viewport),
                RenderedImages.quality(quality), response);
    }

    private void renderedParts(String study, String series, String window, String viewport, String quality,
            String accept, HttpServletResponse response) throws IOException {
        String mediaType = RenderedParts.mediaType(accept);
        Rendering rendering = rendering(window, viewport);
        float jpegQuality = RenderedImages.quality(quality);
        RenderedParts.write(files(study, series, PURPOSE), mediaType, rendering, jpegQuality, response);
    }

    private static Rendering rendering(String window, String viewport) {
        return Rendering.defaults().withWindow(RenderedImages.window(window))
                .withViewport(RenderedImages.viewport(viewport));
    }

    private static void thumbnail(StoredFile file, int frame, String viewport, String accept,
            HttpServletResponse response) throws IOException {
        Viewport size = RenderedImages.viewport(viewport);
        RenderedImages.write(file, frame, mediaType(accept), Rendering.defaults()
                .withViewport(size == null ? THUMBNAIL : size), RenderedImages.DEFAULT_QUALITY, response);
    }

    /** The middle instance, by SOP Instance UID, of the series (or of the study), audited as a thumbnail read. */
    private StoredFile representative(String study, String series) {
        List<StoredFile> sorted = files(study, series, "WADO-RS thumbnail").stream()
                .sorted(Comparator.comparing(StoredFile::sopInstanceUid)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The visible instances of the series (or of the study), audited under {@code purpose}; none is 404. */
    private List<StoredFile> files(String study, String series, String purpose) {
        List<StoredFile> files = stored.files(study, series, null, purpose);
        if (files.isEmpty()) {
            throw new HounsfieldException(Failure.NOT_FOUND, series == null ? "no study " + study + " in the archive"
                    : "no series " + series + " in study " + study + " in the archive");
        }
        return files;
    }

    /** image/jpeg unless the Accept header prefers (or only allows) image/png; neither is 406. */
    static String mediaType(String accept) {
        for (AcceptHeader.MediaRange range : AcceptHeader.parse(accept)) {
            if (range.allows("image", "jpeg")) {
                return RenderedImages.JPEG;
            }
            if (range.allows("image", "png")) {
                return RenderedImages.PNG;
            }
        }
        throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "rendered images are sent as image/jpeg or image/png, "
                + "not " + accept);
    }

    private static int frameNumber(String frame) {
        int number = RenderedImages.integer(frame, "the frame number");
        if (number < 1) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "frame numbers from 1, not " + number);
        }
        return number;
    }
}
