package io.hounsfield.dicomweb;

import io.hounsfield.archive.QueryLevel;
import io.hounsfield.dicom.io.DicomJson;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * QIDO-RS (PS3.18 §10.6): the six search resources of studies, series and instances, answered in the DICOM JSON
 * Model (§F.2). No match is 204 No Content with no body, as §8.3.4.4.1 says (CP-2473, not yet final, would make it
 * 200 with an empty array); warnings go in 299 Warning header fields (§8.3.5.1, §8.3.4).
 */
@RestController
@RequestMapping(DicomWebLinks.BASE)
@PreAuthorize(DicomWebRoles.READ)
class QidoController {
    private final QidoSearch search;

    QidoController(QidoSearch search) {
        this.search = search;
    }

    @GetMapping("/studies")
    ResponseEntity<byte[]> studies(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.STUDY, null, null), query, accept);
    }

    @GetMapping("/series")
    ResponseEntity<byte[]> series(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.SERIES, null, null), query, accept);
    }

    @GetMapping("/studies/{study}/series")
    ResponseEntity<byte[]> seriesOfStudy(@PathVariable String study,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.SERIES, study, null), query, accept);
    }

    @GetMapping("/instances")
    ResponseEntity<byte[]> instances(@RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.IMAGE, null, null), query, accept);
    }

    @GetMapping("/studies/{study}/instances")
    ResponseEntity<byte[]> instancesOfStudy(@PathVariable String study,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.IMAGE, study, null), query, accept);
    }

    @GetMapping("/studies/{study}/series/{series}/instances")
    ResponseEntity<byte[]> instancesOfSeries(@PathVariable String study, @PathVariable String series,
            @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new QidoSearch.Scope(QueryLevel.IMAGE, study, series), query, accept);
    }

    private ResponseEntity<byte[]> answer(QidoSearch.Scope scope, MultiValueMap<String, String> query,
            String accept) {
        if (!MediaTypes.acceptsDicomJson(accept)) {
            throw new HounsfieldException(Failure.NOT_ACCEPTABLE, "search results come as " + MediaTypes.DICOM_JSON);
        }
        QidoSearch.Result result = search.search(scope, QidoParameters.parse(query),
                DicomWebLinks.ofCurrentRequest());
        HttpHeaders headers = new HttpHeaders();
        result.warnings().forEach(warning -> headers.add("Warning", "299 hounsfield \"" + warning + "\""));
        if (result.matches().isEmpty()) {
            return ResponseEntity.noContent().headers(headers).build();
        }
        byte[] json = DicomJson.DEFAULT.toJson(result.matches()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().headers(headers).contentType(MediaTypes.DICOM_JSON_TYPE).body(json);
    }
}
