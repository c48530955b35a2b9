package io.hounsfield.staff.learning;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.Role;
import io.hounsfield.staff.StaffMember;
import io.hounsfield.staff.records.FormValues;
import io.hounsfield.staff.learning.StudentRequirements.Kind;
import io.hounsfield.staff.learning.StudentRequirements.Requirement;
import io.hounsfield.staff.learning.StudentRequirements.RequirementSet;
import io.hounsfield.staff.records.StaffRepository;
import io.hounsfield.staff.work.WorkClearance;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students' clinical competency log, each competency signed off by a technologist (not the student: ARRT requires
 * competencies to be evaluated by a qualified practitioner), and new starters' orientation, signed off by a lead.
 */
@Component
public class Learning {

    private static final Set<String> SIGNERS = Set.of(Role.TECHNOLOGIST.name(), Role.LEAD.name());

    /** A student's counts against their set: what is signed off and what is needed. */
    record StudentProgress(RequirementSet set, List<StudentCompetency> done, long patientCare, long mandatory,
            long electives, Map<String, Long> electivesBySection) {

        public long electivesIn(String section) {
            return electivesBySection.getOrDefault(section, 0L);
        }

        public String nameOf(String code) {
            return set.item(code).map(Requirement::name).orElse(code);
        }
    }

    private final StaffRepository staff;
    private final LearningRepository learning;
    private final AuditService audit;
    private final Clock clock;

    Learning(StaffRepository staff, LearningRepository learning, AuditService audit, Clock clock) {
        this.staff = staff;
        this.learning = learning;
        this.audit = audit;
        this.clock = clock;
    }

    public void startOrientation(long staffId) {
        for (int i = 0; i < Orientation.CHECKLIST.size(); i++) {
            learning.insertOrientationItem(staffId, i + 1, Orientation.CHECKLIST.get(i));
        }
    }

    public List<OrientationItem> orientation(long staffId) {
        return learning.orientation(staffId);
    }

    @Transactional
    public void signOffOrientation(long staffId, long itemId, Actor actor) {
        StaffMember member = staff.member(staffId).orElseThrow(WorkClearance::noRecord);
        if (!learning.signOffOrientation(staffId, itemId, actor.name(), clock.instant())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "That item is signed off already or not on this list.");
        }
        audit.record(actor, AuditEntry.success("STAFF_ORIENTATION_SIGNED_OFF", "STAFF", member.username())
                .withDetail("item " + itemId));
    }

    @Transactional
    public void signOffStudentCompetency(long staffId, String requirement, LocalDate performedOn, boolean simulated,
            String note, Actor actor) {
        StaffMember member = staff.member(staffId).orElseThrow(WorkClearance::noRecord);
        RequirementSet set = StudentRequirements.find(member.requirementSet()).orElseThrow(() -> new HounsfieldException(
                Failure.STATE_CONFLICT, member.fullName() + " is not a student with a competency requirement set."));
        if (!SIGNERS.contains(actor.role()) || actor.name().equalsIgnoreCase(member.username())) {
            throw new HounsfieldException(Failure.NOT_AUTHORIZED,
                    "A technologist signs off a student's competency, not the student.");
        }
        Requirement item = set.item(requirement == null ? "" : requirement).orElseThrow(() -> new HounsfieldException(
                Failure.INVALID_VALUE, "Choose a competency from the list."));
        if (performedOn == null || performedOn.isAfter(LocalDate.now(clock))) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Give the date it was performed, today or earlier.");
        }
        if (!learning.insertStudentCompetency(staffId, set.code(), item.code(), performedOn, simulated, actor.name(),
                FormValues.blankToNull(note))) {
            throw new HounsfieldException(Failure.DUPLICATE, item.name() + " is signed off already.");
        }
        audit.record(actor, AuditEntry.success("STUDENT_COMPETENCY_SIGNED_OFF", "STAFF", member.username())
                .withDetail(item.name() + (simulated ? " (simulated)" : "") + " on " + performedOn));
    }

    /** None for someone who is not a student with a requirement set. */
    public java.util.Optional<StudentProgress> studentProgress(StaffMember member) {
        return StudentRequirements.find(member.requirementSet()).map(set -> {
            List<StudentCompetency> done = learning.studentCompetencies(member.id()).stream()
                    .filter(competency -> competency.requirementSet().equals(set.code())).toList();
            List<Requirement> items = done.stream().map(competency -> set.item(competency.requirement()))
                    .flatMap(java.util.Optional::stream).toList();
            Map<String, Long> bySection = items.stream().filter(item -> item.kind() == Kind.ELECTIVE)
                    .collect(Collectors.groupingBy(Requirement::section, Collectors.counting()));
            return new StudentProgress(set, done, count(items, Kind.PATIENT_CARE), count(items, Kind.MANDATORY),
                    count(items, Kind.ELECTIVE), bySection);
        });
    }

    private static long count(List<Requirement> items, Kind kind) {
        return items.stream().filter(item -> item.kind() == kind).count();
    }
}
