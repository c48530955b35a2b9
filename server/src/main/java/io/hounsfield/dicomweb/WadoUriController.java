package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WADO-URI (PS3.18 §9): {@code /dicom-web/wado?requestType=WADO&studyUID=&seriesUID=&objectUID=}, behind the same
 * login, roles and audit as WADO-RS. {@code contentType} (§9.1.2.1.5, a list in order of preference; default
 * application/dicom here, as no rendering is the default a viewer can count on) chooses the answer: the stored file
 * for application/dicom, in its stored syntax or, with {@code transferSyntax} (§9.1.2.1.10), only if that is the
 * stored one; other types from a {@link WadoUriRenderer} if one renders them. What cannot be produced is 406 with the
 * reason, never something else.
 */
@RestController
@RequestMapping(DicomWebLinks.BASE + "/wado")
@PreAuthorize(DicomWebRoles.READ)
class WadoUriController {
    private final StoredInstances stored;
    private final List<WadoUriRenderer> renderers;

    WadoUriController(StoredInstances stored, List<WadoUriRenderer> renderers) {
        this.stored = stored;
        this.renderers = renderers;
    }

    @GetMapping
    void retrieve(@RequestParam Map<String, String> parameters,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) throws IOException {
        if (!"WADO".equals(parameters.get("requestType"))) {
            throw invalid("requestType must be WADO");
        }
        if ("yes".equalsIgnoreCase(parameters.get("anonymize"))) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "anonymize=yes is not supported");
        }
        String study = required(parameters, "studyUID");
        String series = required(parameters, "seriesUID");
        String object = required(parameters, "objectUID");
        List<String> wanted = contentTypes(parameters.getOrDefault("contentType", MediaTypes.DICOM), accept);
        StoredFile file = stored.instance(study, series, object, "WADO-URI");
        String transferSyntax = parameters.get("transferSyntax");
        List<String> reasons = new ArrayList<>();
        for (String contentType : wanted) {
            if (contentType.equals(MediaTypes.DICOM) || contentType.equals("*/*")) {
                if (transferSyntax == null || transferSyntax.strip().equals(file.transferSyntaxUid())) {
                    response.setContentType(MediaTypes.DICOM);
                    response.setContentLengthLong(file.size());
                    try (InputStream in = file.open()) {
                        in.transferTo(response.getOutputStream());
                    }
                    return;
                }
                reasons.add("the object is stored in " + file.transferSyntaxUid() + ", not " + transferSyntax.strip()
                        + ", and is not converted");
                continue;
            }
            WadoUriRenderer renderer = renderers.stream().filter(r -> r.renders(contentType)).findFirst()
                    .orElse(null);
            if (renderer != null) {
                renderer.render(file, contentType, parameters, response);
                return;
            }
            reasons.add(contentType + " is not rendered here yet; ask contentType=" + MediaTypes.DICOM);
        }
        throw new HounsfieldException(Failure.NOT_ACCEPTABLE, String.join("; ", reasons));
    }

    /** The content types asked, in order, that the Accept header allows too (§9.1.2.1.5). */
    private static List<String> contentTypes(String parameter, String accept) {
        List<AcceptHeader.MediaRange> acceptable = AcceptHeader.parse(accept);
        List<String> types = new ArrayList<>();
        for (String piece : parameter.split(",")) {
            String type = piece.split(";")[0].strip().toLowerCase(Locale.ROOT);
            String[] parts = type.split("/");
            if (parts.length == 2 && acceptable.stream().anyMatch(range -> range.allows(parts[0], parts[1]))) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "none of the content types asked (" + parameter
                    + ") is allowed by the Accept header");
        }
        return types;
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
        return value.strip();
    }

    private static HounsfieldException invalid(String reason) {
        return new HounsfieldException(Failure.INVALID_INPUT, reason);
    }
}
