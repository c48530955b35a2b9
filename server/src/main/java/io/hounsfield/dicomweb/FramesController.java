package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Retrieve Frames (PS3.18 §10.4.1.1.3): the frames of an instance, in the order asked, one part each of
 * {@code multipart/related}, as {@link PixelEncoding} negotiates: native pixels in Explicit VR Little Endian, or an
 * encapsulated instance's compressed frames as stored. Bad frame lists are 400; frames out of range, unknown UIDs
 * and instances without pixel data are 404 with the reason.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies/{study}/series/{series}/instances/{instance}")
@PreAuthorize(DicomWebRoles.READ)
class FramesController {
    private final StoredInstances stored;

    FramesController(StoredInstances stored) {
        this.stored = stored;
    }

    @GetMapping("/frames/{frames}")
    void frames(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String frames, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        List<Integer> numbers = FrameList.parse(frames);
        StoredFile file = stored.instance(study, series, instance, "WADO-RS frames");
        PixelEncoding encoding = PixelEncoding.negotiate(accept, file.transferSyntaxUid());
        write(encoding, StoredPixels.frames(file, numbers), response);
    }

    static void write(PixelEncoding encoding, List<byte[]> parts, HttpServletResponse response) throws IOException {
        MultipartWriter multipart = new MultipartWriter(response.getOutputStream());
        response.setContentType(multipart.contentType(encoding.mediaType()));
        for (byte[] part : parts) {
            multipart.part(encoding.partContentType(), part);
        }
        multipart.close();
    }
}
