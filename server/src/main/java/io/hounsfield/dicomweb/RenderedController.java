package io.hounsfield.dicomweb;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.dicom.image.Viewport;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * Retrieve Rendered and thumbnails (PS3.18 §10.4.1.1.4, §10.4.1.1.5; query parameters §8.3.5.1): a frame
 * rendered by the toolkit as image/jpeg (the default) or image/png, with {@code window=center,width[,function]},
 * {@code viewport=width,height} and {@code quality=1..100}. An instance renders its first frame. A series or study
 * renders its representative instance, the middle one when sorted by SOP Instance UID (a single image, not
 * multipart; documented in the conformance statement). A thumbnail is the same image, JPEG, fitted into 128x128.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies/{study}")
@PreAuthorize(DicomWebRoles.READ)
class RenderedController {
    static final Viewport THUMBNAIL = new Viewport(128, 128);
    private final ArchiveService archive;

    RenderedController(ArchiveService archive) {
        this.archive = archive;
    }

    @GetMapping("/rendered")
    void study(@PathVariable String study, @RequestParam(required = false) String window,
            @RequestParam(required = false) String viewport, @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        rendered(representative(study, null), 1, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/rendered")
    void series(@PathVariable String study, @PathVariable String series,
            @RequestParam(required = false) String window, @RequestParam(required = false) String viewport,
            @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        rendered(representative(study, series), 1, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/rendered")
    void instance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @RequestParam(required = false) String window, @RequestParam(required = false) String viewport,
            @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        StoredFile file = FramesController.instance(archive, study, series, instance, "WADO-RS rendered");
        rendered(file, 1, window, viewport, quality, accept, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/frames/{frame}/rendered")
    void frame(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String frame, @RequestParam(required = false) String window,
            @RequestParam(required = false) String viewport, @RequestParam(required = false) String quality,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
            throws IOException {
        int number = frameNumber(frame);
        StoredFile file = FramesController.instance(archive, study, series, instance, "WADO-RS rendered");
        rendered(file, number, window, viewport, quality, accept, response);
    }

    @GetMapping("/thumbnail")
    void studyThumbnail(@PathVariable String study, HttpServletResponse response) throws IOException {
        thumbnail(representative(study, null), 1, response);
    }

    @GetMapping("/series/{series}/thumbnail")
    void seriesThumbnail(@PathVariable String study, @PathVariable String series, HttpServletResponse response)
            throws IOException {
        thumbnail(representative(study, series), 1, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/thumbnail")
    void instanceThumbnail(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            HttpServletResponse response) throws IOException {
        thumbnail(FramesController.instance(archive, study, series, instance, "WADO-RS thumbnail"), 1, response);
    }

    @GetMapping("/series/{series}/instances/{instance}/frames/{frame}/thumbnail")
    void frameThumbnail(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String frame, HttpServletResponse response) throws IOException {
        int number = frameNumber(frame);
        thumbnail(FramesController.instance(archive, study, series, instance, "WADO-RS thumbnail"), number,
                response);
    }

    private void rendered(StoredFile file, int frame, String window, String viewport, String quality,
            String accept, HttpServletResponse response) throws IOException {
        Rendering rendering = Rendering.defaults().withWindow(RenderedImages.window(window))
                .withViewport(RenderedImages.viewport(viewport));
        RenderedImages.write(file, frame, mediaType(accept), rendering, RenderedImages.quality(quality), response);
    }

    private static void thumbnail(StoredFile file, int frame, HttpServletResponse response) throws IOException {
        RenderedImages.write(file, frame, RenderedImages.JPEG, Rendering.defaults().withViewport(THUMBNAIL),
                RenderedImages.DEFAULT_QUALITY, response);
    }

    /** The middle instance, by SOP Instance UID, of the series (or of the study), audited as a rendered read. */
    private StoredFile representative(String study, String series) {
        List<StoredFile> files = archive.files(study, series, null, "WADO-RS rendered");
        if (files.isEmpty()) {
            throw new HounsfieldException(Failure.NOT_FOUND, series == null ? "no study " + study + " in the archive"
                    : "no series " + series + " in study " + study + " in the archive");
        }
        List<StoredFile> sorted = files.stream()
                .sorted(java.util.Comparator.comparing(StoredFile::sopInstanceUid)).toList();
        return sorted.get(sorted.size() / 2);
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
