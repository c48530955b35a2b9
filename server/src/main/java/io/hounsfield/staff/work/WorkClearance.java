package io.hounsfield.staff.work;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.Role;
import io.hounsfield.staff.StaffMember;
import io.hounsfield.staff.StaffProperties;
import io.hounsfield.staff.records.FormValues;
import io.hounsfield.staff.records.StaffRepository;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may perform what: a lead's site sign-offs and dated exceptions, and the check at the start of an exam. Only
 * technologists, leads and students are checked, and by default only those with a staff record, so that a department
 * keeps working while it enters its people ({@link StaffProperties#requireRecord()} closes that gap).
 */
@Component
public class WorkClearance {

    private static final Set<String> CLINICAL = Set.of(Role.TECHNOLOGIST.name(), Role.LEAD.name(), Role.STUDENT.name());

    private final StaffRepository staff;
    private final WorkRepository work;
    private final StaffProperties properties;
    private final AuditService audit;
    private final Clock clock;

    WorkClearance(StaffRepository staff, WorkRepository work, StaffProperties properties, AuditService audit,
            Clock clock) {
        this.staff = staff;
        this.work = work;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public void check(Actor actor, String modality, String procedureCode) {
        if (!properties.enforce() || !CLINICAL.contains(actor.role())) {
            return;
        }
        Optional<StaffMember> found = staff.memberByUsername(actor.name());
        if (found.isEmpty()) {
            if (properties.requireRecord()) {
                refuse(actor, modality, actor.name() + " has no staff record, so their credentials cannot be checked."
                        + " A lead must enter them on the staff pages before they start exams.");
            }
            return;
        }
        StaffMember member = found.get();
        LocalDate today = LocalDate.now(clock);
        List<String> problems = Clearance.problems(member, staff.credentials(member.id()),
                work.competencies(member.id()), modality, procedureCode, today);
        if (problems.isEmpty()) {
            return;
        }
        Optional<WorkException> exception = work.exceptions(member.id()).stream()
                .filter(candidate -> candidate.validOn(today)).findFirst();
        if (exception.isPresent()) {
            audit.record(actor, AuditEntry.success("STAFF_EXCEPTION_APPLIED", "STAFF", member.username())
                    .withDetail(modality + " exam started on the exception recorded by " + exception.get().recordedBy()
                            + " until " + exception.get().validUntil() + " (" + exception.get().reason() + ") despite: "
                            + String.join("; ", problems)));
            return;
        }
        refuse(actor, modality, member.fullName() + " may not start this " + modality + " exam: "
                + String.join("; ", problems) + ". A lead can record a sign-off or a dated exception on the staff page.");
    }

    private void refuse(Actor actor, String modality, String message) {
        audit.record(actor, AuditEntry.failure("EXAM_START_REFUSED", "STAFF", actor.name(), message));
        throw new HounsfieldException(Failure.STATE_CONFLICT, message);
    }

    @Transactional
    public void signOff(long staffId, String modality, String procedureCode, String note, Actor actor) {
        StaffMember member = staff.member(staffId).orElseThrow(WorkClearance::noRecord);
        String cleanModality = FormValues.required(modality, "Say which modality.").toUpperCase(Locale.ROOT);
        if (!cleanModality.matches("[A-Z]{2,16}")) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "A modality is a code such as CT, MR or DX.");
        }
        String procedure = FormValues.blankToNull(procedureCode);
        work.insertCompetency(staffId, cleanModality, procedure, FormValues.blankToNull(note), LocalDate.now(clock),
                actor.name());
        audit.record(actor, AuditEntry.success("STAFF_COMPETENCY_SIGNED_OFF", "STAFF", member.username())
                .withDetail(cleanModality + (procedure == null ? "" : " " + procedure)));
    }

    @Transactional
    public void revoke(long staffId, long competencyId, Actor actor) {
        StaffMember member = staff.member(staffId).orElseThrow(WorkClearance::noRecord);
        if (!work.revokeCompetency(staffId, competencyId)) {
            throw new HounsfieldException(Failure.NOT_FOUND, "That sign-off is not on this record.");
        }
        audit.record(actor, AuditEntry.success("STAFF_COMPETENCY_REVOKED", "STAFF", member.username())
                .withDetail("sign-off " + competencyId));
    }

    /** A documented exception, dated: it must end, and not more than a year ahead. */
    @Transactional
    public void recordException(long staffId, String reason, LocalDate validUntil, Actor actor) {
        StaffMember member = staff.member(staffId).orElseThrow(WorkClearance::noRecord);
        String why = FormValues.required(reason, "Write down why the exception is granted.");
        LocalDate today = LocalDate.now(clock);
        if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(1))) {
            throw new HounsfieldException(Failure.INVALID_VALUE,
                    "Give the last day the exception holds: today or later, and within a year.");
        }
        work.insertException(staffId, why, validUntil, actor.name());
        audit.record(actor, AuditEntry.success("STAFF_EXCEPTION_RECORDED", "STAFF", member.username())
                .withDetail("until " + validUntil + ": " + why));
    }

    public List<Competency> competencies(long staffId) {
        return work.competencies(staffId);
    }

    public List<WorkException> exceptions(long staffId) {
        return work.exceptions(staffId);
    }

    public static HounsfieldException noRecord() {
        return new HounsfieldException(Failure.NOT_FOUND, "There is no such staff record.");
    }
}
