package io.hounsfield.dicomweb;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.dicom.io.DicomJson;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * STOW-RS (PS3.18 §10.5) for DICOM instances: {@code multipart/related; type="application/dicom"}, each part a
 * DICOM file (PS3.10) stored through the same ingest as a C-STORE (fsync'ed, indexed, identity checked), read part
 * by part as it arrives. Metadata and bulk data requests (application/dicom+json, +xml) are 415. Source recorded as
 * {@code STOW-RS <user>}. A body that breaks the multipart syntax is 400; what was stored before it stays stored.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/studies")
@PreAuthorize(DicomWebRoles.STORE)
class StowController {
    static final String AE_TITLE = "STOW-RS";

    private final ArchiveService archive;

    StowController(ArchiveService archive) {
        this.archive = archive;
    }

    @PostMapping
    ResponseEntity<byte[]> store(HttpServletRequest request, Principal user) throws IOException {
        return store(null, request, user);
    }

    @PostMapping("/{study}")
    ResponseEntity<byte[]> storeToStudy(@PathVariable String study, HttpServletRequest request, Principal user)
            throws IOException {
        return store(study, request, user);
    }

    private ResponseEntity<byte[]> store(String study, HttpServletRequest request, Principal user)
            throws IOException {
        if (!MediaTypes.acceptsDicomJson(request.getHeader(HttpHeaders.ACCEPT))) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "the response comes as " + MediaTypes.DICOM_JSON);
        }
        MultipartReader parts = new MultipartReader(request.getInputStream(), boundary(request.getContentType()));
        StoreBatch batch = StoreBatch.of(AE_TITLE, user.getName(), study);
        List<StoreResult> results = new ArrayList<>();
        try {
            for (MultipartReader.Part part = parts.next(); part != null; part = parts.next()) {
                results.add(isDicom(part.headers().get("content-type")) ? archive.store(part.content(), batch)
                        : new StoreResult(null, null, null, null, StoreResult.Outcome.FAILED,
                                Failure.INVALID_INPUT.dimseStatus(), "not application/dicom"));
            }
        } catch (MalformedMultipartException e) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "malformed multipart body after " + results.size()
                    + " parts: " + e.getMessage());
        } finally {
            archive.finished(batch);
        }
        if (results.isEmpty()) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "the request holds no instances");
        }
        byte[] json = DicomJson.DEFAULT.toJson(StoreResponse.of(results, study, DicomWebLinks.ofCurrentRequest()))
                .getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(StoreResponse.status(results)).contentType(MediaTypes.DICOM_JSON_TYPE).body(json);
    }

    /** The boundary of a {@code multipart/related; type="application/dicom"} body, else 415 (or 400 without one). */
    private static String boundary(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType == null ? "" : contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HounsfieldException(Failure.UNSUPPORTED, "Content-Type must be multipart/related; type=\""
                    + MediaTypes.DICOM + "\"");
        }
        String partType = MediaTypes.parameter(type, "type");
        if (!type.getType().equals("multipart") || !type.getSubtype().equals("related")
                || partType != null && !partType.equalsIgnoreCase(MediaTypes.DICOM)) {
            throw new HounsfieldException(Failure.UNSUPPORTED, "only multipart/related; type=\"" + MediaTypes.DICOM
                    + "\" is stored (no metadata and bulk data requests)");
        }
        String boundary = MediaTypes.parameter(type, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > MultipartReader.MAX_BOUNDARY) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "the multipart Content-Type has no boundary of 1 to "
                    + MultipartReader.MAX_BOUNDARY + " characters");
        }
        return boundary;
    }

    /** A part without Content-Type takes the body's type parameter (RFC 2387 §3.1). */
    private static boolean isDicom(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("application") && type.getSubtype().equals("dicom");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
