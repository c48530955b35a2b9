package io.hounsfield.archive.events;

import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/changes?since=&limit=}: the archive's events in order, for tools outside (as Orthanc's
 * {@code /changes}). A client keeps {@code last} and asks again with {@code since=last}; {@code done} says nothing
 * more is numbered yet. Readers of images may read it (the roles of DICOMweb reading, as {@code DicomWebRoles.READ});
 * each answer is audited as a read of the studies it names.
 */
@RestController
@PreAuthorize("hasAnyRole('TECHNOLOGIST', 'RADIOLOGIST', 'PHYSICIST')")
class ChangesController {
    static final int DEFAULT_LIMIT = 100;
    static final int MOST = 1000;

    /** The answer: the changes after {@code since}, the seq to ask after next, and whether that was all. */
    record Changes(List<Change> changes, long last, boolean done) {}

    private final EventLog log;
    private final AuditService audit;

    ChangesController(EventLog log, AuditService audit) {
        this.log = log;
        this.audit = audit;
    }

    @GetMapping("/api/changes")
    Changes changes(@RequestParam(required = false) String since, @RequestParam(required = false) String limit) {
        long after = whole("since", since, 0);
        int most = (int) Math.min(whole("limit", limit, DEFAULT_LIMIT), MOST);
        if (most < 1) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "limit must be at least 1 (at most " + MOST
                    + " are listed at once).");
        }
        return audit.read(() -> {
            List<Change> changes = log.after(after, most);
            long last = changes.isEmpty() ? after : changes.get(changes.size() - 1).seq();
            List<String> studies = changes.stream().map(Change::studyInstanceUid).distinct().toList();
            audit.record(AuditEntry.success("ARCHIVE_CHANGES_QUERIED", "QUERY", "changes")
                    .forPatients(ArchiveAudit.patients(log.patientsOf(studies)))
                    .withDetail("since " + after + ": " + Count.of(changes.size(), "change", "changes")));
            return new Changes(changes, last, !log.anyAfter(last));
        });
    }

    private static long whole(String name, String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new HounsfieldException(Failure.INVALID_VALUE, name + " must be a whole number of 0 or more.");
    }
}
