package io.hounsfield.workstation;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.IdentityComparison;
import io.hounsfield.patient.IdentitySide;
import io.hounsfield.patient.Patient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The review before a temporary (trauma) identity is merged into a real patient: both patients side by side with
 * their exams, and a warning where sex or birth date differ (IHE PIR; DOMAIN.md SAF-40, SAF-41). Reading it reads
 * both patients' data, so it is audited.
 */
@Component
class MergeReview {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ExamService exams;
    private final ProcedureCatalog catalog;
    private final AuditService audit;
    private final Clock clock;

    MergeReview(ExamService exams, ProcedureCatalog catalog, AuditService audit, Clock clock) {
        this.exams = exams;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** Both sides of a merge and what differs between them. */
    record Comparison(IdentitySide temporary, IdentitySide real, IdentityComparison comparison) {}

    Comparison review(Patient temporary, Patient real) {
        LocalDate today = LocalDate.now(clock);
        IdentityComparison comparison = IdentityComparison.of(
                new IdentityComparison.Side("temporary patient", temporary.demographics().sex(),
                        temporary.demographics().birthDate()),
                new IdentityComparison.Side("real patient", real.demographics().sex(), real.demographics().birthDate()),
                today);
        audit.record(AuditEntry.success("PATIENT_MERGE_REVIEWED", "PATIENT", String.valueOf(real.id()))
                .forPatient(real.identifier().toString())
                .withDetail("temporary " + temporary.identifier() + (comparison.mismatch()
                        ? "; differences: " + String.join(" ", comparison.warnings()) : "")));
        return new Comparison(IdentitySide.of("Temporary patient", temporary, exams(temporary), today),
                IdentitySide.of("Real patient", real, exams(real), today), comparison);
    }

    private List<IdentitySide.Study> exams(Patient patient) {
        return exams.forPatient(patient.id()).stream()
                .map(exam -> new IdentitySide.Study(exam.scheduledStart() == null ? "not booked"
                        : WHEN.format(exam.scheduledStart().atZone(clock.getZone())),
                        catalog.find(exam.procedureCode()).map(Procedure::name).orElse(exam.procedureCode()),
                        exam.accessionNumber()))
                .toList();
    }
}
