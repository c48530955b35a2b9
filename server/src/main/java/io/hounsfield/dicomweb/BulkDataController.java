package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retrieve Bulkdata (PS3.18 §10.4.1.1.5): the values behind the BulkDataURIs of {@code /metadata}. Pixel Data
 * comes as {@link PixelEncoding} negotiates: native pixels as one little endian {@code application/octet-stream}
 * part, an encapsulated instance's frames one part each in their codec's media type. Any other value is one
 * {@code application/octet-stream} part, little endian.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies/{study}/series/{series}/instances/{instance}")
@PreAuthorize(DicomWebRoles.READ)
class BulkDataController {
    private final StoredInstances stored;

    BulkDataController(StoredInstances stored) {
        this.stored = stored;
    }

    @GetMapping("/bulkdata/{*path}")
    void bulkData(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @PathVariable String path, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        BulkDataPath where = BulkDataPath.parse(path);
        StoredFile file = stored.instance(study, series, instance, "WADO-RS bulk data");
        if (where.isTopLevel() && isPixelData(where.tag())) {
            PixelEncoding encoding = PixelEncoding.negotiate(accept, file.transferSyntaxUid());
            List<byte[]> frames = StoredPixels.allFrames(file);
            FramesController.write(encoding, encoding.stored() ? frames : List.of(joined(frames)), response);
            return;
        }
        PixelEncoding octets = PixelEncoding.negotiate(accept, PixelMediaTypes.NATIVE_SYNTAX);
        Attributes item = where.itemIn(read(file));
        byte[] value = item == null || !item.contains(where.tag())
                || item.vr(where.tag()).kind() != VR.Kind.BYTES ? null : item.bytes(where.tag());
        if (value == null) {
            throw new HounsfieldException(Failure.NOT_FOUND, "the instance has no binary value at " + path.substring(1));
        }
        FramesController.write(octets, List.of(value), response);
    }

    private static boolean isPixelData(int tag) {
        return tag == Tags.PixelData || tag == Tags.FloatPixelData || tag == Tags.DoubleFloatPixelData;
    }

    private static byte[] joined(List<byte[]> frames) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        frames.forEach(value::writeBytes);
        return value.toByteArray();
    }

    private static Attributes read(StoredFile file) throws IOException {
        try (InputStream in = new BufferedInputStream(file.open(), 64 * 1024)) {
            return Part10.read(in, ReadOptions.DEFAULT.withPixelData(PixelDataConsumer.DISCARD)).dataset();
        }
    }
}
