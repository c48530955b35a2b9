package io.hounsfield.quality;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Count;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/quality/instances?studyInstanceUid=}: the check results of a study's images, as JSON. */
@RestController
@PreAuthorize("hasAnyRole('STUDENT', 'RADIOLOGIST', 'PHYSICIST', 'ADMIN')")
class QualityApiController {

    private final QualityService quality;
    private final AuditService audit;

    QualityApiController(QualityService quality, AuditService audit) {
        this.quality = quality;
        this.audit = audit;
    }

    @GetMapping("/api/quality/instances")
    List<Map<String, Object>> instances(@RequestParam String studyInstanceUid) {
        List<InstanceChecks> checks = quality.checks(studyInstanceUid);
        audit.read(() -> {
            audit.record(AuditEntry.success("QUALITY_VIEWED", "STUDY", studyInstanceUid)
                    .withDetail(Count.of(checks.size(), "instance", "instances")));
            return null;
        });
        return checks.stream().map(QualityApiController::json).toList();
    }

    private static Map<String, Object> json(InstanceChecks instance) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("sopInstanceUid", instance.sopInstanceUid());
        object.put("checks", instance.checks().stream().map(check -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("code", check.code());
            result.put("outcome", check.outcome());
            result.put("value", check.value());
            result.put("threshold", check.threshold());
            result.put("source", check.source());
            result.put("finding", check.finding());
            result.put("acknowledged", check.acknowledgement() != null);
            return result;
        }).toList());
        return object;
    }
}
