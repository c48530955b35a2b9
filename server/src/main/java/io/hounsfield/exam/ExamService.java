package io.hounsfield.exam;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import io.hounsfield.system.UidGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    private final ExamRepository exams;
    private final ProcedureCatalog catalog;
    private final PatientService patients;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    ExamService(ExamRepository exams, ProcedureCatalog catalog, PatientService patients, AuditService audit,
            ApplicationEventPublisher events) {
        this.exams = exams;
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

    /** Moves the exam to {@code target} if its state allows it; otherwise refuses with what it allows. */
    @Transactional
    public Exam transition(long examId, ExamState target, Actor actor, String reason) {
        Exam exam = exams.findForUpdate(examId).orElseThrow(() -> new UnknownExamException(examId));
        if (!exam.state().canMoveTo(target)) {
            throw new IllegalTransitionException(exam, target);
        }
        exams.updateState(examId, target);
        exams.recordTransition(examId, exam.state(), target, actor.name(), reason);
        events.publishEvent(new ExamStateChanged(examId, exam.accessionNumber(), exam.state(), target, actor.name(), reason));
        audit(actor, "EXAM_" + target.name(), exam, reason);
        return get(examId);
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

    @EventListener
    void patientsMerged(PatientsMerged merge) {
        exams.movePatient(merge.mergedId(), merge.survivorId());
    }

    private void audit(Actor actor, String action, Exam exam, String detail) {
        audit.record(actor, AuditEntry.success(action, OBJECT_TYPE, exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString())
                .withDetail(detail));
    }
}
