package io.hounsfield.exam;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import io.hounsfield.system.UidGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schedules exams and moves them through their states, recording who did what and when. */
@Service
public class ExamService {

    static final String OBJECT_TYPE = "EXAM";

    /** States before acquisition: an exam in one of them may be held, and the modality's evidence starts it. */
    static final Set<ExamState> NOT_STARTED = EnumSet.of(ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED);

    private final ExamRepository exams;
    private final HoldRepository holds;
    private final ProcedureCatalog catalog;
    private final PatientService patients;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    ExamService(ExamRepository exams, HoldRepository holds, ProcedureCatalog catalog, PatientService patients,
            AuditService audit, ApplicationEventPublisher events) {
        this.exams = exams;
        this.holds = holds;
        this.catalog = catalog;
        this.patients = patients;
        this.audit = audit;
        this.events = events;
    }

    /** Creates the exam in SCHEDULED with a new accession number and Study Instance UID. */
    @Transactional
    public Exam schedule(NewExam exam, Actor actor) {
        var procedure = catalog.get(exam.procedureCode());
        if (procedure.lateralityRequired() && exam.laterality() == null) {
            throw new MissingLateralityException(procedure.name());
        }
        Instant end = exam.scheduledStart() == null ? null : exam.scheduledStart().plus(procedure.duration());
        String accessionNumber = exam.accessionNumber() != null
                ? exam.accessionNumber() : String.format("HF%08d", exams.nextAccessionNumber());
        String studyInstanceUid = exam.studyInstanceUid() != null ? exam.studyInstanceUid() : UidGenerator.newUid();
        long id = exams.insert(exam, accessionNumber, studyInstanceUid, end);
        exams.recordTransition(id, null, ExamState.SCHEDULED, actor.name(), null);
        audit(actor, "EXAM_SCHEDULED", exams.find(id).orElseThrow(), procedure.code());
        return get(id);
    }

    /**
     * Moves the exam to {@code target} if its state allows it; otherwise refuses, saying what to do first. An exam
     * on hold is neither verified nor started, whoever asks (cockpit, MPPS, any other caller).
     */
    @Transactional
    public Exam transition(long examId, ExamState target, Actor actor, String reason) {
        Exam exam = lock(examId);
        if (!exam.state().canMoveTo(target)) {
            throw new IllegalTransitionException(exam, target);
        }
        if (target == ExamState.VERIFIED || target == ExamState.IN_PROGRESS) {
            holds.open(examId).ifPresent(hold -> {
                throw new ExamOnHoldException(hold);
            });
        }
        move(exam, target, actor, reason);
        return get(examId);
    }

    /**
     * A recorded mismatch holds the exam ("stop" in the Universal Protocol's pre-procedure verification, DOMAIN.md
     * SAF-5): a verified exam goes back to checked in, and it is neither verified nor started until {@link
     * #overrideHold} or {@link #correctOrder} lifts the hold. A second mismatch while held is added to the history.
     */
    @Transactional
    public ExamHold placeHold(long examId, String reason, Laterality expected, Actor actor) {
        Exam exam = lock(examId);
        if (!NOT_STARTED.contains(exam.state())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "This exam has already started or ended, so it cannot"
                    + " be put on hold. If the patient, procedure or side is wrong, discontinue it and say why.");
        }
        boolean held = holds.open(examId).isPresent();
        if (!held) {
            holds.insert(examId, reason, expected, actor.name());
            events.publishEvent(new ExamHoldChanged(examId, exam.accessionNumber(), true, reason, actor.name()));
        }
        if (exam.state() == ExamState.VERIFIED) {
            move(exam, ExamState.ARRIVED, actor, "verification withdrawn: mismatch recorded");
        }
        String detail = reason + (expected == null ? "" : " (the side should be " + side(expected) + ")");
        exams.recordEvent(examId, get(examId).state(), held ? HistoryEvent.HOLD_NOTE : HistoryEvent.HOLD_PLACED,
                actor.name(), held ? "another mismatch recorded: " + detail : detail);
        audit.record(actor, AuditEntry.failure("EXAM_HOLD_PLACED", OBJECT_TYPE, exam.accessionNumber(), detail)
                .forPatient(patients.get(exam.patientId()).identifier().toString()));
        return holds.open(examId).orElseThrow();
    }

    /** A lead lifts the hold, taking responsibility in a written reason; the mismatch stays in the history. */
    @Transactional
    public void overrideHold(long examId, String reason, Actor actor) {
        if (!"LEAD".equals(actor.role())) {
            throw new HounsfieldException(Failure.NOT_AUTHORIZED, "Only a lead can override a hold.");
        }
        if (reason == null || reason.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Say why the exam may go ahead despite the mismatch.");
        }
        Exam exam = lock(examId);
        ExamHold hold = holds.open(examId).orElseThrow(() -> new HounsfieldException(Failure.STATE_CONFLICT,
                "This exam is not on hold."));
        holds.lift(hold.id(), actor.name(), HoldRepository.LiftedHow.LEAD_OVERRIDE, reason.strip());
        events.publishEvent(new ExamHoldChanged(examId, exam.accessionNumber(), false, reason.strip(), actor.name()));
        exams.recordEvent(examId, exam.state(), HistoryEvent.HOLD_LIFTED, actor.name(),
                "overridden by the lead: " + reason.strip());
        audit(actor, "EXAM_HOLD_OVERRIDDEN", exam, "mismatch: " + hold.reason() + "; override: " + reason.strip());
    }

    /**
     * The ordering side changed the order (HL7 ORC-1 XO, IHE RAD-2/RAD-13): the exam takes the new procedure and side.
     * A verification against the old order no longer counts. A hold lifts when the corrected order matches what was
     * found at the patient: the side recorded with the mismatch, or, with no side recorded, any change of procedure
     * or side. An exam that has started can no longer be changed.
     */
    @Transactional
    public Exam correctOrder(long examId, String procedureCode, Laterality laterality, Actor actor) {
        Exam exam = lock(examId);
        var procedure = catalog.get(procedureCode);
        if (procedure.lateralityRequired() && laterality == null) {
            throw new MissingLateralityException(procedure.name());
        }
        boolean changed = !exam.procedureCode().equals(procedureCode) || exam.laterality() != laterality;
        if (!changed) {
            return exam;
        }
        if (!NOT_STARTED.contains(exam.state())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "Exam " + exam.accessionNumber()
                    + " has already started or ended; its order can no longer be changed.");
        }
        exams.correct(examId, procedureCode, laterality);
        String now = procedure.name() + (laterality == null ? "" : ", " + side(laterality));
        exams.recordEvent(examId, exam.state(), HistoryEvent.ORDER_CORRECTED, actor.name(), "now " + now);
        audit(actor, "EXAM_ORDER_CORRECTED", exam, exam.procedureCode() + " " + exam.laterality() + " -> "
                + procedureCode + " " + laterality);
        if (exam.state() == ExamState.VERIFIED) {
            move(exam, ExamState.ARRIVED, actor, "verification withdrawn: the order changed");
        }
        holds.open(examId).ifPresent(hold -> resolveByOrder(get(examId), hold, now, actor));
        return get(examId);
    }

    private void resolveByOrder(Exam exam, ExamHold hold, String now, Actor actor) {
        if (hold.expectedLaterality() != null && hold.expectedLaterality() != exam.laterality()) {
            exams.recordEvent(exam.id(), exam.state(), HistoryEvent.HOLD_NOTE, actor.name(),
                    "the corrected order (" + now + ") still does not match: the side should be "
                            + side(hold.expectedLaterality()));
            return;
        }
        holds.lift(hold.id(), actor.name(), HoldRepository.LiftedHow.ORDER_CORRECTED, "order corrected: " + now);
        events.publishEvent(new ExamHoldChanged(exam.id(), exam.accessionNumber(), false, "order corrected: " + now,
                actor.name()));
        exams.recordEvent(exam.id(), exam.state(), HistoryEvent.HOLD_LIFTED, actor.name(),
                "order corrected by the ordering side: " + now + "; verify the patient against it");
        audit(actor, "EXAM_HOLD_LIFTED", exam, "mismatch: " + hold.reason() + "; order now " + now);
    }

    /**
     * The modality shows the exam is being performed: its first image reached the archive (IHE RAD-8) or it
     * reported the procedure step in progress (MPPS N-CREATE, RAD-6). An exam not started yet moves to IN_PROGRESS,
     * even if nobody checked it in or verified it (trauma, downtime): the record must follow what happened, and the
     * missing verification is said in the history and audited. A held exam stays where it is, with a note.
     *
     * @return whether the exam moved
     */
    @Transactional
    public boolean startedByModality(long examId, Actor modality, String evidence) {
        return startedByModality(examId, modality, evidence, false);
    }

    /**
     * As {@link #startedByModality(long, Actor, String)}; with {@code verifiedAtModality} the department counts the
     * modality's report as the verification (the technologist checked the patient at the modality's console): the
     * history says so and the audit trail records {@code EXAM_VERIFIED_AT_MODALITY} instead of an unverified start.
     */
    @Transactional
    public boolean startedByModality(long examId, Actor modality, String evidence, boolean verifiedAtModality) {
        Exam exam = lock(examId);
        if (!NOT_STARTED.contains(exam.state())) {
            return false;
        }
        Optional<ExamHold> hold = holds.open(examId);
        if (hold.isPresent()) {
            exams.recordEvent(examId, exam.state(), HistoryEvent.HOLD_NOTE, modality.name(),
                    evidence + " while the exam is on hold; it was not started");
            audit.record(modality, AuditEntry.failure("EXAM_ACQUIRED_ON_HOLD", OBJECT_TYPE, exam.accessionNumber(),
                    evidence + "; hold: " + hold.get().reason()));
            return false;
        }
        if (verifiedAtModality && exam.state() != ExamState.VERIFIED) {
            String verified = " (verified at the modality: the department counts its procedure step as verification)";
            move(exam, ExamState.IN_PROGRESS, modality, evidence + verified);
            audit.record(modality, AuditEntry.success("EXAM_VERIFIED_AT_MODALITY", OBJECT_TYPE, exam.accessionNumber())
                    .withDetail(evidence));
            return true;
        }
        String unverified = exam.state() == ExamState.VERIFIED ? ""
                : " (the patient was not " + (exam.state() == ExamState.SCHEDULED ? "checked in or " : "")
                        + "verified in the exam cockpit)";
        move(exam, ExamState.IN_PROGRESS, modality, evidence + unverified);
        if (!unverified.isEmpty()) {
            audit.record(modality, AuditEntry.failure("EXAM_STARTED_UNVERIFIED", OBJECT_TYPE, exam.accessionNumber(),
                    evidence + unverified));
        }
        return true;
    }

    /** An image for the exam was stored; the first one starts the exam (see {@link #startedByModality}). */
    @Transactional
    public void imageStored(long examId, Actor modality) {
        if (exams.markFirstImage(examId)) {
            startedByModality(examId, modality, "first image received from " + modality.name());
        }
    }

    /** Which of {@code examIds} a mismatch holds now. */
    public Set<Long> heldAmong(Collection<Long> examIds) {
        return holds.heldAmong(examIds);
    }

    /** The hold on the exam, if a mismatch holds it now. */
    public Optional<ExamHold> activeHold(long examId) {
        return holds.open(examId);
    }

    public Exam get(long id) {
        return exams.find(id).orElseThrow(() -> new UnknownExamException(id));
    }

    public Optional<Exam> findByAccession(String accessionNumber) {
        return exams.findByAccession(accessionNumber);
    }

    /** The exam whose Study Instance UID the worklist gave the modality. */
    public Optional<Exam> findByStudyInstanceUid(String studyInstanceUid) {
        return exams.findByStudyInstanceUid(studyInstanceUid);
    }

    public List<Exam> forOrder(long orderId) {
        return exams.findByOrder(orderId);
    }

    public List<Exam> forPatient(long patientId) {
        return exams.findByPatient(patientId);
    }

    /** The exams booked on a day, earliest first (unbooked ones have no day and are not listed). */
    public List<Exam> forDay(LocalDate day, ZoneId zone) {
        return exams.findScheduledBetween(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Exams in {@code states} booked in [from, to), STAT first; {@code station} null for every room. */
    public List<Exam> booked(Set<ExamState> states, Instant from, Instant to, String station) {
        return exams.findBooked(states, from, to, station);
    }

    public List<ExamTransition> history(long examId) {
        return exams.transitions(examId);
    }

    /** Whether an image stored for the exam reached the archive. */
    public boolean hasImages(long examId) {
        return exams.hasImages(examId);
    }

    @EventListener
    void patientsMerged(PatientsMerged merge) {
        exams.movePatient(merge.mergedId(), merge.survivorId());
    }

    Exam lock(long examId) {
        return exams.findForUpdate(examId).orElseThrow(() -> new UnknownExamException(examId));
    }

    /** Records the change of state, tells the listeners and audits it; the caller checked that it may happen. */
    void move(Exam exam, ExamState target, Actor actor, String reason) {
        exams.updateState(exam.id(), target);
        exams.recordTransition(exam.id(), exam.state(), target, actor.name(), reason);
        events.publishEvent(new ExamStateChanged(exam.id(), exam.accessionNumber(), exam.state(), target, actor.name(),
                reason));
        audit(actor, "EXAM_" + target.name(), exam, reason);
    }

    private static String side(Laterality laterality) {
        return switch (laterality) {
            case L -> "LEFT";
            case R -> "RIGHT";
            case B -> "BOTH";
        };
    }

    void audit(Actor actor, String action, Exam exam, String detail) {
        audit.record(actor, AuditEntry.success(action, OBJECT_TYPE, exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString())
                .withDetail(detail));
    }
}
