package io.hounsfield.qc;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Count;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/equipment/qc-results?aeTitle=&from=&to=}: the analysed QC images of a device (all devices without
 * an AE title), one JSON object per image; {@code from} and {@code to} are dates in the department's zone, inclusive.
 */
@RestController
@PreAuthorize("hasAnyRole('TECHNOLOGIST', 'STUDENT', 'LEAD', 'PHYSICIST', 'ADMIN')")
class QcApiController {

    private final QcService qc;
    private final AuditService audit;
    private final ZoneId zone;

    QcApiController(QcService qc, AuditService audit, Clock clock) {
        this.qc = qc;
        this.audit = audit;
        this.zone = clock.getZone();
    }

    @GetMapping("/api/equipment/qc-results")
    List<Map<String, Object>> results(@RequestParam(defaultValue = "") String aeTitle,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
        List<QcResult> results = qc.results(aeTitle, start, end).stream()
                .filter(result -> result.sopInstanceUid() != null).toList();
        audit.read(() -> {
            audit.record(AuditEntry.success("QC_RESULTS_VIEWED", "EQUIPMENT", aeTitle.isBlank() ? "all" : aeTitle)
                    .withDetail(Count.of(results.size(), "result", "results")));
            return null;
        });
        return results.stream().map(QcApiController::json).toList();
    }

    private static Map<String, Object> json(QcResult result) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("sopInstanceUid", result.sopInstanceUid());
        object.put("aeTitle", result.aeTitle());
        object.put("test", result.test());
        object.put("performed", result.performed().toString());
        object.put("meanHu", result.meanHu());
        object.put("noiseSdHu", result.noiseSdHu());
        object.put("uniformityHu", result.uniformityHu());
        object.put("roiMeans", result.roiMeans());
        object.put("phantomDiameterMm", result.phantomDiameterMm());
        object.put("outcome", result.outcome());
        object.put("reasons", result.reasons());
        return object;
    }
}
