package io.hounsfield.dose;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Radiation dose (issue 18): what the dose reports and image headers of a study or exam said, read as they are
 * stored (see {@code DoseSubscriber}), checked against the dose check levels (NEMA XR 25-2010, AAPM), with the
 * technologist's reason when a level is exceeded and the patient's history. Units: mGy, mGy·cm, Gy·cm², seconds.
 */
@Service
public class DoseService {
    /** Age assumed when the birth date is unknown (an unidentified trauma patient): the adult levels apply. */
    private static final int UNKNOWN_AGE = 18;

    private final DoseRecords records;
    private final DoseLevels levels;
    private final AuditService audit;
    private final ProcedureCatalog catalog;
    private final PatientService patients;
    private final ExamService exams;
    private final Clock clock;
    private final int historyMonths;

    DoseService(DoseRecords records, DoseLevels levels, AuditService audit, ProcedureCatalog catalog,
            PatientService patients, ExamService exams, Clock clock,
            @Value("${hounsfield.dose.history-months:12}") int historyMonths) {
        this.records = records;
        this.levels = levels;
        this.audit = audit;
        this.catalog = catalog;
        this.patients = patients;
        this.exams = exams;
        this.clock = clock;
        this.historyMonths = historyMonths;
    }

    /** One entry per dose report of the study, in the order they were read; reading them is audited. */
    public List<DoseReport> reports(String studyInstanceUid) {
        return audit.read(() -> {
            List<DoseRecords.StoredReport> stored = records.reportsOfStudy(studyInstanceUid);
            audit.record(AuditEntry.success("DOSE_REPORTS_VIEWED", "STUDY", studyInstanceUid)
                    .forPatients(stored.stream().map(DoseRecords.StoredReport::patient).filter(Objects::nonNull)
                            .distinct().toList())
                    .withDetail(Count.of(stored.size(), "dose report", "dose reports")));
            return stored.stream().map(report -> DoseReport.of(report.sopInstanceUid(), report.dose())).toList();
        });
    }

    /**
     * The exam's dose per acquisition and event and in total, from its reports, else its images' headers. Not
     * audited here: it is shown on the exam's page, whose view is.
     */
    public ExamDose examDose(Exam exam) {
        List<ReadDose> reports = records.reportsOfExam(exam.id(), exam.studyInstanceUid()).stream()
                .map(DoseRecords.StoredReport::dose).toList();
        return ExamTotals.of(reports, reports.isEmpty() ? records.imagesOfExam(exam.id(), exam.studyInstanceUid())
                : List.of());
    }

    /** The cockpit's dose panel of an exam: dose, checks, reason, patient history (shown on the audited page). */
    public DosePanel panel(Exam exam) {
        ExamDose dose = examDose(exam);
        Optional<DoseLevels.Reason> reason = levels.lastReason(exam.id());
        List<DoseCheck> followUps = dose.known() ? DoseChecks.followUps(dose, levels.current()) : List.of();
        return new DosePanel(exam.id(), dose, checks(exam, dose), followUps, reason.map(DoseLevels.Reason::reason).orElse(null),
                reason.map(DoseLevels.Reason::recordedBy).orElse(null),
                reason.map(DoseLevels.Reason::recordedAt).orElse(null), history(exam));
    }

    /**
     * Refuses to let an exam complete while a dose check level is exceeded and no reason was recorded (NEMA XR 25:
     * the operator documents why the exam went on).
     */
    public void requireReasonIfExceeded(Exam exam) {
        if (!isCt(exam)) {
            return;
        }
        List<DoseCheck> exceeded = checks(exam, examDose(exam)).stream().filter(DoseCheck::exceeded).toList();
        if (!exceeded.isEmpty() && levels.lastReason(exam.id()).isEmpty()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, exceeded.stream().map(DoseCheck::inWords)
                    .collect(Collectors.joining("; ")) + ". Record why the exam went on before completing it.");
        }
    }

    /** Records the technologist's reason for an exceeded level; audited. */
    @Transactional
    public void recordReason(long examId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "Say why the exam went on above the dose level.");
        }
        Exam exam = exams.get(examId);
        List<DoseCheck> exceeded = checks(exam, examDose(exam)).stream().filter(DoseCheck::exceeded).toList();
        if (exceeded.isEmpty()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "No dose check level is exceeded for this exam.");
        }
        String what = exceeded.stream().map(DoseCheck::inWords).collect(Collectors.joining("; "));
        levels.recordReason(examId, what, reason.strip(), actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("DOSE_REASON_RECORDED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString()).withDetail(what));
    }

    /** The current dose check levels. */
    public List<DoseLevel> levels() {
        return levels.current();
    }

    /** Every version of every level, for the record of what was changed. */
    public List<DoseLevel> levelVersions() {
        return levels.versions();
    }

    /** Gives a level a new value with its source; the old version is kept. Audited. */
    @Transactional
    public void changeLevel(String key, double value, String source, String edition, String note, Actor actor) {
        if (!(value > 0) || source == null || source.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "Give a value above 0 and its source.");
        }
        DoseLevel level = levels.currentOf(key).orElseThrow(() -> new HounsfieldException(Failure.INVALID_VALUE,
                "There is no dose check level " + key + "."));
        levels.change(level, value, source.strip(), blankToNull(edition), blankToNull(note), actor.name(),
                clock.instant());
        audit.record(actor, AuditEntry.success("DOSE_LEVEL_CHANGED", "DOSE_LEVEL", key)
                .withDetail(level.value() + " " + level.unit() + " -> " + value + " " + level.unit()));
    }

    private boolean isCt(Exam exam) {
        return catalog.find(exam.procedureCode()).filter(procedure -> "CT".equals(procedure.modality())).isPresent();
    }

    private List<DoseCheck> checks(Exam exam, ExamDose dose) {
        Optional<Procedure> procedure = catalog.find(exam.procedureCode());
        if (procedure.isEmpty() || !"CT".equals(procedure.get().modality()) || dose.acquisitions().isEmpty()) {
            return List.of();
        }
        return DoseChecks.check(dose, levels.current(), procedure.get().bodyPart(), age(exam));
    }

    private int age(Exam exam) {
        LocalDate birthDate = patients.get(exam.patientId()).demographics().birthDate();
        return birthDate == null ? UNKNOWN_AGE : Period.between(birthDate, LocalDate.now(clock)).getYears();
    }

    private DoseHistory history(Exam current) {
        Patient patient = patients.get(current.patientId());
        java.time.Instant since = java.time.ZonedDateTime.now(clock).minusMonths(historyMonths).toInstant();
        List<DoseHistory.Entry> entries = exams.forPatient(patient.id()).stream()
                .filter(exam -> exam.scheduledStart() == null || !exam.scheduledStart().isBefore(since))
                .map(exam -> entry(exam, current))
                .filter(Objects::nonNull)
                .sorted((a, b) -> compareNewestFirst(a, b)).toList();
        return new DoseHistory(historyMonths, entries,
                entries.stream().map(DoseHistory.Entry::dlpTotalMGyCm).reduce(null, DoseUnits::sum),
                entries.stream().map(DoseHistory.Entry::dapTotalGyCm2).reduce(null, DoseUnits::sum),
                entries.stream().map(DoseHistory.Entry::doseRpTotalMGy).reduce(null, DoseUnits::sum));
    }

    private DoseHistory.Entry entry(Exam exam, Exam current) {
        ExamDose dose = examDose(exam);
        if (!dose.known()) {
            return null;
        }
        String procedure = catalog.find(exam.procedureCode()).map(Procedure::name).orElse(exam.procedureCode());
        return new DoseHistory.Entry(exam.accessionNumber(), procedure, exam.scheduledStart(), dose.dlpTotalMGyCm(),
                dose.dapTotalGyCm2(), dose.doseRpTotalMGy(), exam.id() == current.id());
    }

    private static int compareNewestFirst(DoseHistory.Entry a, DoseHistory.Entry b) {
        if (a.performed() == null || b.performed() == null) {
            return a.performed() == null ? (b.performed() == null ? 0 : 1) : -1;
        }
        return b.performed().compareTo(a.performed());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
