package io.hounsfield.workstation;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.dose.DoseService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamOnHoldException;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserService;
import io.hounsfield.staff.StaffService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exam cockpit's rules, in the order the work happens: verify identity and procedure, screen, start,
 * document and complete. Each step is recorded with who and when, and audited.
 */
@Service
class Cockpit {

    private static final Set<Role> SUPERVISORS = Set.of(Role.TECHNOLOGIST, Role.LEAD);

    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final CockpitRecords records;
    private final UserService users;
    private final AuditService audit;
    private final ArchiveService archive;
    private final SafetyScreens screens;
    private final DoseService dose;
    private final StaffService staff;
    private final ContrastService contrast;

    Cockpit(ExamService exams, PatientService patients, ProcedureCatalog catalog, CockpitRecords records,
            UserService users, AuditService audit, ArchiveService archive, SafetyScreens screens, DoseService dose,
            StaffService staff, ContrastService contrast) {
        this.contrast = contrast;
        this.dose = dose;
        this.staff = staff;
        this.archive = archive;
        this.screens = screens;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.records = records;
        this.users = users;
        this.audit = audit;
    }

    /** Two identifiers confirmed against what the patient states, and the procedure and side against the order. */
    @Transactional
    public void verify(long examId, String identifiers, boolean procedureConfirmed, Actor actor) {
        exams.activeHold(examId).ifPresent(hold -> {
            throw new ExamOnHoldException(hold);
        });
        if (!procedureConfirmed) {
            throw refused("Confirm the procedure and side against the order, or record a mismatch.");
        }
        String confirmedBy = identifiersInWords(identifiers);
        records.recordVerification(examId, actor.name(), identifiers, true, "VERIFIED", null);
        exams.transition(examId, ExamState.VERIFIED, actor, "identity confirmed by " + confirmedBy
                + ", procedure and side confirmed");
    }

    /** The two identifiers as the history shows them (the form sends a code). */
    private static String identifiersInWords(String identifiers) {
        return switch (String.valueOf(identifiers)) {
            case "NAME_AND_BIRTH_DATE" -> "name and date of birth";
            case "NAME_AND_MRN" -> "name and MRN (wristband)";
            default -> throw refused("Say which two identifiers the patient gave: name and date of birth, or name and MRN.");
        };
    }

    /**
     * Something does not match: stop, say what, and, if it is the side, which side it should be. The exam is held
     * until a lead overrides the hold or the order is corrected (see {@link ExamService#placeHold}).
     */
    @Transactional
    public void mismatch(long examId, String identifiers, String reason, Laterality expectedSide, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw refused("Say what does not match.");
        }
        records.recordVerification(examId, actor.name(), identifiers, false, "MISMATCH", reason.strip());
        audit.record(actor, AuditEntry.failure("EXAM_VERIFICATION_MISMATCH", "EXAM", exams.get(examId).accessionNumber(),
                reason).forPatient(patientOf(examId).identifier().toString()));
        exams.placeHold(examId, reason.strip(), expectedSide, actor);
    }

    /** A lead lets a held exam go ahead; the page asks them to confirm, the reason goes into the history. */
    @Transactional
    public void overrideHold(long examId, String reason, boolean confirmed, Actor actor) {
        if (!confirmed) {
            throw refused("Tick the box to confirm that the exam may go ahead despite the mismatch.");
        }
        exams.overrideHold(examId, reason, actor);
    }

    /**
     * A positive screen needs a documented decision by the role the screen names; on the contrast screen it is one
     * of proceed, premedicate, another agent or cancel ({@link ContrastService#decide}), with the note.
     */
    @Transactional
    public void decide(long examId, Screen screen, String decision, String contrastDecision, Actor actor) {
        if (!screen.decidedBy(actor.role())) {
            throw new HounsfieldException(Failure.NOT_AUTHORIZED, "Your role does not decide on the "
                    + screen.title() + ": " + screen.whoDecides() + " does.");
        }
        boolean waiting = records.lastScreen(examId, screen).filter(CockpitRecords.Screening::positive).isPresent();
        if (!waiting) {
            throw refused("There is no positive " + screen.title() + " on this exam waiting for a decision.");
        }
        if (screen == Screen.CONTRAST) {
            decision = contrast.decide(exams.get(examId), contrastDecision, decision, actor);
        }
        if (decision == null || decision.isBlank()) {
            throw refused("Write down the decision.");
        }
        records.recordDecision(examId, screen, decision.strip(), actor.name());
        audit.record(actor, AuditEntry.success(screen.name() + "_DECIDED", "EXAM", exams.get(examId).accessionNumber())
                .forPatient(patientOf(examId).identifier().toString()).withDetail(decision));
    }

    /** The screens this exam needs, in the order the cockpit shows them. */
    List<Screen> screensFor(Exam exam) {
        return screens.screensFor(exam);
    }

    /**
     * Starts the exam once verified, screened and timed out where needed, by someone the staff records clear for the
     * modality; a student names the supervising technologist (JRCERT Standard Five), which goes into the history.
     */
    @Transactional
    public void start(long examId, String supervisor, Actor actor) {
        Exam exam = exams.get(examId);
        exams.activeHold(examId).ifPresent(hold -> {
            throw new ExamOnHoldException(hold);
        });
        if (exam.state() == ExamState.SCHEDULED || exam.state() == ExamState.ARRIVED) {
            throw refused("Verify the patient's identity and the procedure before starting.");
        }
        if (timeOutRequired(exam) && records.timeOutBy(examId).isEmpty()) {
            throw refused("Record the time-out (patient, site, procedure agreed by the team) before starting.");
        }
        for (Screen screen : screensFor(exam)) {
            var answer = records.lastScreen(examId, screen)
                    .orElseThrow(() -> refused("Answer the " + screen.title() + " before starting."));
            if (answer.positive() && answer.decision() == null) {
                throw refused(answer.holdReason());
            }
            if (screen == Screen.CONTRAST) {
                contrast.checkMayStart(exam);
            }
        }
        String modality = catalog.get(exam.procedureCode()).modality();
        staff.checkMayPerform(actor, modality, exam.procedureCode());
        String supervised = staff.supervisorOfExam(actor, supervisor, modality).map(name -> "supervised by " + name)
                .orElse(null);
        exams.transition(examId, ExamState.IN_PROGRESS, actor, supervised);
    }

    /**
     * Completes the exam; a student names the technologist who supervised. With no image received for the exam, a
     * typed reason is needed (IHE SWF: an exam is complete when its images are; docs/workflow.md).
     */
    @Transactional
    public void complete(long examId, String notes, String supervisor, String noImageReason, Actor actor) {
        String supervising = supervisor == null || supervisor.isBlank() ? null : supervisor.strip();
        if (Role.STUDENT.name().equals(actor.role())) {
            if (supervising == null) {
                throw refused("A student must name the supervising technologist.");
            }
            boolean qualified = users.find(supervising)
                    .filter(user -> user.enabled() && SUPERVISORS.contains(user.role())).isPresent();
            if (!qualified) {
                throw refused(supervising + " is not a technologist who can supervise.");
            }
        }
        String withoutImages = withoutImagesReason(examId, noImageReason, actor);
        dose.requireReasonIfExceeded(exams.get(examId));
        records.recordDocumentation(examId, actor.name(), supervising, notes);
        String reason = supervising == null ? null : "supervised by " + supervising;
        if (withoutImages != null) {
            reason = (reason == null ? "" : reason + "; ") + "completed without images received: " + withoutImages;
        }
        exams.transition(examId, ExamState.ACQUIRED, actor, reason);
    }

    /** {@code null} when images arrived; the typed reason when none did; refused when none did and no reason is given. */
    private String withoutImagesReason(long examId, String typed, Actor actor) {
        Exam exam = exams.get(examId);
        if (exam.state() != ExamState.IN_PROGRESS || imagesReceived(exam)) {
            return null;
        }
        if (typed == null || typed.isBlank()) {
            throw refused("No image has reached the archive for this exam. Say why you are completing it without"
                    + " images, or wait until the modality has sent them.");
        }
        audit.record(actor, AuditEntry.failure("EXAM_COMPLETED_WITHOUT_IMAGES", "EXAM", exam.accessionNumber(),
                typed.strip()).forPatient(patientOf(examId).identifier().toString()));
        return typed.strip();
    }

    /** Images the modality sent for the exam, or images filed under its study (reconciled, imported). */
    boolean imagesReceived(Exam exam) {
        return exams.hasImages(exam.id()) || archive.instanceCount(exam.studyInstanceUid()) > 0;
    }

    @Transactional
    public void discontinue(long examId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw refused("Say why the exam is discontinued.");
        }
        exams.transition(examId, ExamState.DISCONTINUED, actor, reason);
    }

    /** Universal Protocol: every team member agrees on patient, site and procedure, right before it starts. */
    @Transactional
    public void recordTimeOut(long examId, String participants, String siteMark, boolean identityConfirmed,
            boolean siteConfirmed, boolean procedureConfirmed, boolean imagingDisplayed, Actor actor) {
        if (!identityConfirmed || !siteConfirmed || !procedureConfirmed) {
            throw refused("The time-out needs the team's agreement on patient identity, site and procedure.");
        }
        if (participants == null || participants.isBlank()) {
            throw refused("Name the team members taking part in the time-out.");
        }
        records.recordTimeOut(examId, participants.strip(), siteMark, imagingDisplayed, actor.name());
        audit.record(actor, AuditEntry.success("TIME_OUT_RECORDED", "EXAM", exams.get(examId).accessionNumber())
                .forPatient(patientOf(examId).identifier().toString()).withDetail(participants));
    }

    @Transactional
    public void transport(long examId, TransportStatus status, Actor actor) {
        records.recordTransport(examId, status, actor.name());
        audit.record(actor, AuditEntry.success("TRANSPORT_" + status.name(), "EXAM", exams.get(examId).accessionNumber()));
    }

    boolean timeOutRequired(Exam exam) {
        return "XA".equals(catalog.get(exam.procedureCode()).modality());
    }

    private Patient patientOf(long examId) {
        return patients.get(exams.get(examId).patientId());
    }

    private static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.STATE_CONFLICT, message);
    }
}
