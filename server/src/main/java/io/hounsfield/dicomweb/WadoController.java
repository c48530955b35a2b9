package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WADO-RS (PS3.18 §10.4): a study, series or instance as {@code multipart/related; type="application/dicom"}, one
 * part per instance, each the stored file streamed from disk in the transfer syntax it was stored in (named in the
 * part's Content-Type; no transcoding); and their metadata as a DICOM JSON array, streamed one instance at a time,
 * Pixel Data and long binary values as BulkDataURIs ({@link InstanceMetadata}). Quarantined instances are not there (404 when nothing is).
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies/{study}")
@PreAuthorize(DicomWebRoles.READ)
class WadoController {
    private static final String PURPOSE = "WADO-RS";

    private final StoredInstances stored;
    private final MetadataCache metadataCache;

    WadoController(StoredInstances stored, MetadataCache metadataCache) {
        this.stored = stored;
        this.metadataCache = metadataCache;
    }

    @GetMapping
    void study(@PathVariable String study, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        instances(files(study, null, null, accept, true), response);
    }

    @GetMapping("/series/{series}")
    void series(@PathVariable String study, @PathVariable String series,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        instances(files(study, series, null, accept, true), response);
    }

    @GetMapping("/series/{series}/instances/{instance}")
    void instance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        instances(files(study, series, instance, accept, true), response);
    }

    @GetMapping("/metadata")
    void studyMetadata(@PathVariable String study,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        metadata(files(study, null, null, accept, false), response);
    }

    @GetMapping("/series/{series}/metadata")
    void seriesMetadata(@PathVariable String study, @PathVariable String series,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        metadata(files(study, series, null, accept, false), response);
    }

    @GetMapping("/series/{series}/instances/{instance}/metadata")
    void instanceMetadata(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        metadata(files(study, series, instance, accept, false), response);
    }

    private List<StoredFile> files(String study, String series, String instance, String accept, boolean dicom) {
        if (dicom ? !MediaTypes.acceptsMultipartDicom(accept) : !MediaTypes.acceptsDicomJson(accept)) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, dicom
                    ? "instances come as multipart/related; type=\"" + MediaTypes.DICOM + "\""
                    : "metadata comes as " + MediaTypes.DICOM_JSON);
        }
        List<StoredFile> files = stored.files(study, series, instance, dicom ? PURPOSE : PURPOSE + " metadata");
        if (files.isEmpty()) {
            throw new HounsfieldException(Failure.NOT_FOUND, "no such " + (instance != null ? "instance"
                    : series != null ? "series" : "study") + " in the archive");
        }
        if (dicom) {
            checkTransferSyntax(files, accept);
        }
        return files;
    }

    /**
     * Instances go out as stored: a transfer-syntax parameter (§8.7.3.5.2) is met if it is * or the syntax every
     * instance is stored in, else 406; no Accept range naming none takes them as they are.
     */
    private static void checkTransferSyntax(List<StoredFile> files, String accept) {
        for (AcceptHeader.MediaRange range : MediaTypes.multipartDicom(accept)) {
            String syntax = range.parameter("transfer-syntax");
            if (syntax == null || syntax.equals("*")
                    || files.stream().allMatch(file -> file.transferSyntaxUid().equals(syntax.strip()))) {
                return;
            }
        }
        throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "the instances are stored in " + files.stream()
                .map(StoredFile::transferSyntaxUid).distinct().sorted().toList() + " and are not converted; ask "
                + "transfer-syntax=* or one of these");
    }

    private static void instances(List<StoredFile> files, HttpServletResponse response) throws IOException {
        MultipartWriter multipart = new MultipartWriter(response.getOutputStream());
        response.setContentType(multipart.contentType(MediaTypes.DICOM));
        for (StoredFile file : files) {
            multipart.part(MediaTypes.DICOM + "; transfer-syntax=" + file.transferSyntaxUid(), file.size(),
                    file.open());
        }
        multipart.close();
    }

    private void metadata(List<StoredFile> files, HttpServletResponse response) throws IOException {
        DicomWebLinks links = DicomWebLinks.ofCurrentRequest();
        response.setContentType(MediaTypes.DICOM_JSON);
        Writer json = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        json.write('[');
        for (int i = 0; i < files.size(); i++) {
            if (i > 0) {
                json.write(',');
            }
            metadataCache.json(files.get(i)).write(links.base(), json);
        }
        json.write(']');
        json.flush();
    }
}
