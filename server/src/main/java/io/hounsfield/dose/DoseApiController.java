package io.hounsfield.dose;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/dose/reports?studyInstanceUid=}: one object per dose report of the study, as {@link DoseReport}
 * says (HTTP Basic like all of {@code /api}; audited). For those who work with dose: technologists, their lead,
 * radiologists and physicists.
 */
@RestController
@PreAuthorize("hasAnyRole('TECHNOLOGIST', 'LEAD', 'RADIOLOGIST', 'PHYSICIST')")
class DoseApiController {
    private final DoseService dose;

    DoseApiController(DoseService dose) {
        this.dose = dose;
    }

    @GetMapping("/api/dose/reports")
    List<DoseReport> reports(@RequestParam(required = false) String studyInstanceUid) {
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Give the study as studyInstanceUid.");
        }
        return dose.reports(studyInstanceUid.strip());
    }
}
