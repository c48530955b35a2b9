package io.hounsfield.staff.work;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserAccount;
import io.hounsfield.security.UserService;
import io.hounsfield.staff.DirectSupervision;
import io.hounsfield.staff.records.StaffRepository;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Students work under a named technologist's supervision, and repeat images only under direct supervision (JRCERT
 * Standards, Standard Five: "all repeat images are done under direct supervision", the radiographer physically
 * present). The supervisor is an enabled technologist or lead other than the student; one with a staff record must be
 * cleared for the modality themselves (credential or sign-off, card and licence in date).
 */
@Component
public class Supervision {

    private static final Set<Role> SUPERVISORS = Set.of(Role.TECHNOLOGIST, Role.LEAD);

    private final UserService users;
    private final StaffRepository staff;
    private final WorkRepository work;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    Supervision(UserService users, StaffRepository staff, WorkRepository work, JdbcClient jdbc, AuditService audit,
            Clock clock) {
        this.users = users;
        this.staff = staff;
        this.work = work;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    static boolean isStudent(Actor actor) {
        return Role.STUDENT.name().equals(actor.role());
    }

    /** The supervisor's user name for a student's exam; empty for anyone else. Refusals are audited. */
    public Optional<String> supervisorOfExam(Actor actor, String named, String modality) {
        if (!isStudent(actor)) {
            return Optional.empty();
        }
        if (named == null || named.isBlank()) {
            throw refuse(actor, "EXAM_START_REFUSED", "A student's exam needs a supervising technologist: enter the"
                    + " user name of the technologist supervising you.");
        }
        return Optional.of(qualified(actor, named.strip(), modality, "EXAM_START_REFUSED"));
    }

    /** Checks a student's repeat is directly supervised; the supervisor's user name, empty for anyone else. */
    public Optional<String> supervisorOfRepeat(Actor actor, DirectSupervision stated, String modality) {
        if (!isStudent(actor)) {
            return Optional.empty();
        }
        String named = stated == null ? null : stated.technologist();
        if (named == null || named.isBlank()) {
            throw refuse(actor, "STUDENT_REPEAT_REFUSED", "A student repeats an image only under direct supervision:"
                    + " enter the user name of the technologist who is with you in the room for the repeat.");
        }
        if (!stated.present()) {
            throw refuse(actor, "STUDENT_REPEAT_REFUSED", "Direct supervision means the technologist is in the room"
                    + " for the repeat; watching on a monitor does not count. Confirm once they are with you.");
        }
        return Optional.of(qualified(actor, named.strip(), modality, "STUDENT_REPEAT_REFUSED"));
    }

    /** Keeps who was present for a student's repeat, and audits it. */
    public void recordRepeat(Actor actor, String supervisor, String sopInstanceUid, String modality) {
        jdbc.sql("""
                INSERT INTO staff_direct_supervision (student, supervisor, activity, subject, modality, recorded_at)
                VALUES (?, ?, 'REPEAT', ?, ?, ?)""")
                .params(actor.name(), supervisor, sopInstanceUid, blankToNull(modality),
                        java.sql.Timestamp.from(clock.instant())).update();
        audit.record(actor, AuditEntry.success("STUDENT_DIRECT_SUPERVISION_RECORDED", "STAFF", actor.name())
                .withDetail("repeat of image " + sopInstanceUid + " directly supervised by " + supervisor));
    }

    private String qualified(Actor actor, String named, String modality, String action) {
        UserAccount supervisor = users.find(named).filter(user -> user.enabled() && SUPERVISORS.contains(user.role())
                && !user.username().equalsIgnoreCase(actor.name()))
                .orElseThrow(() -> refuse(actor, action, named + " is not a technologist who can supervise you."));
        if (modality == null || modality.isBlank()) {
            return supervisor.username();
        }
        staff.memberByUsername(supervisor.username()).ifPresent(member -> {
            List<String> problems = Clearance.problems(member, staff.credentials(member.id()),
                    work.competencies(member.id()), modality, null, LocalDate.now(clock));
            if (!problems.isEmpty()) {
                throw refuse(actor, action, member.fullName() + " cannot supervise this " + modality + " work: "
                        + String.join("; ", problems) + ".");
            }
        });
        return supervisor.username();
    }

    private HounsfieldException refuse(Actor actor, String action, String message) {
        audit.record(actor, AuditEntry.failure(action, "STAFF", actor.name(), message));
        return new HounsfieldException(Failure.STATE_CONFLICT, message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
