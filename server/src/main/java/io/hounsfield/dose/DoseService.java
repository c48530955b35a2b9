package io.hounsfield.dose;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Radiation dose (issue 18): what the dose reports and image headers of a study or exam said, read as they are
 * stored (see {@code DoseSubscriber}), checked against the dose check levels (NEMA XR 25-2010, AAPM, NCRP 168),
 * with the technologist's reason when a level is exceeded, the follow-up list of exceeded levels, the patient's
 * history, and the physicist's review against reference levels. Units: mGy, mGy·cm, Gy·cm², seconds.
 */
@Service
public class DoseService {
    private final DoseRecords records;
    private final DoseLevels levels;
    private final DoseExams summaries;
    private final DoseAlerts alerts;
    private final ExamDoseChecks checks;
    private final AuditService audit;
    private final PatientService patients;
    private final ExamService exams;
    private final Clock clock;
    private final int historyMonths;
    private final List<Integer> historyWindows;

    DoseService(DoseRecords records, DoseLevels levels, DoseExams summaries, DoseAlerts alerts,
            ExamDoseChecks checks, AuditService audit, PatientService patients, ExamService exams, Clock clock,
            @Value("${hounsfield.dose.history-months:12}") int historyMonths,
            @Value("${hounsfield.dose.history-windows:3,12,60}") List<Integer> historyWindows) {
        this.records = records;
        this.levels = levels;
        this.summaries = summaries;
        this.alerts = alerts;
        this.checks = checks;
        this.audit = audit;
        this.patients = patients;
        this.exams = exams;
        this.clock = clock;
        this.historyMonths = historyMonths;
        this.historyWindows = historyWindows.stream().filter(months -> months > 0).sorted().toList();
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
        return records.doseOf(exam.id(), exam.studyInstanceUid());
    }

    /** The cockpit's dose panel of an exam: dose, checks, reason, patient history (shown on the audited page). */
    public DosePanel panel(Exam exam) {
        ExamDose dose = examDose(exam);
        Optional<DoseLevels.Reason> reason = levels.lastReason(exam.id());
        ExpectedRange expected = !dose.known() ? null : summaries.expected(exam.procedureCode(),
                exam.studyInstanceUid(), dose.acquisitions().isEmpty() ? "DAP" : "CTDIVOL",
                ZonedDateTime.now(clock).minusMonths(12).toInstant()).orElse(null);
        return new DosePanel(exam.id(), exam.patientId(), dose, expected, checks.atTheScanner(exam, dose),
                checks.forFollowUp(exam, dose), reason.map(DoseLevels.Reason::reason).orElse(null),
                reason.map(DoseLevels.Reason::recordedBy).orElse(null),
                reason.map(DoseLevels.Reason::recordedAt).orElse(null), history(exam), alerts.ofExam(exam.id()));
    }

    /**
     * Refuses to let an exam complete while a dose check level is exceeded and no reason was recorded (NEMA XR 25:
     * the operator documents why the exam went on).
     */
    public void requireReasonIfExceeded(Exam exam) {
        List<DoseCheck> exceeded = exceeded(exam);
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
        List<DoseCheck> exceeded = exceeded(exam);
        if (exceeded.isEmpty()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "No dose check level is exceeded for this exam.");
        }
        String what = exceeded.stream().map(DoseCheck::inWords).collect(Collectors.joining("; "));
        levels.recordReason(examId, what, reason.strip(), actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("DOSE_REASON_RECORDED", "EXAM", exam.accessionNumber())
                .forPatient(patientOf(exam)).withDetail(what));
    }

    /** A patient's dose history: each study with dose, and the totals over each configured window; audited. */
    public PatientDose patientDose(long patientId, Actor actor) {
        Patient patient = patients.get(patientId);
        int longest = historyWindows.isEmpty() ? historyMonths : historyWindows.get(historyWindows.size() - 1);
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<DoseSummary> studies = summaries.ofPatient(patientId, now.minusMonths(longest).toInstant());
        List<PatientDose.Window> windows = historyWindows.stream().map(months -> {
            Instant since = now.minusMonths(months).toInstant();
            List<DoseSummary> inside = studies.stream().filter(study -> !study.performedAt().isBefore(since))
                    .toList();
            return new PatientDose.Window(months, inside.size(), total(inside, "DLP"), total(inside, "DAP"),
                    total(inside, "DOSE_RP"), total(inside, "FLUORO_TIME"));
        }).toList();
        audit.record(actor, AuditEntry.success("DOSE_HISTORY_VIEWED", "PATIENT", patient.identifier().toString())
                .forPatient(patient.identifier().toString())
                .withDetail(Count.of(studies.size(), "study", "studies") + " with dose"));
        return new PatientDose(patient, windows, studies);
    }

    /** The follow-up list: open exceeded levels oldest first, then those followed up in the last 30 days; audited. */
    public FollowUpList followUpList(Actor actor) {
        List<DoseAlert> open = alerts.open();
        List<DoseAlert> done = alerts.followedUpSince(clock.instant().minus(Duration.ofDays(30)));
        audit.record(actor, AuditEntry.success("DOSE_FOLLOW_UP_VIEWED", "DOSE_ALERT", null)
                .forPatients(Stream.concat(open.stream(), done.stream()).map(DoseAlert::examId)
                        .distinct().map(id -> patientOf(exams.get(id))).toList())
                .withDetail(open.size() + " open"));
        return new FollowUpList(open, done);
    }

    /** Records what was done about an exceeded level, which closes it; audited. */
    @Transactional
    public void recordFollowUp(long alertId, String what, Actor actor) {
        if (what == null || what.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "Say what was done, for example who was told.");
        }
        DoseAlert alert = alerts.find(alertId).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND,
                "This dose alert does not exist."));
        if (!alerts.followUp(alertId, what.strip(), actor.name(), clock.instant())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "This dose alert was already followed up by "
                    + alert.followedUpBy() + ".");
        }
        audit.record(actor, AuditEntry.success("DOSE_FOLLOWED_UP", "EXAM", alert.accessionNumber())
                .forPatient(patientOf(exams.get(alert.examId()))).withDetail(alert.finding() + ": " + what.strip()));
    }

    /** The physicist's review of one metric over the last {@code months}: see {@link DoseReview}; audited. */
    public DoseReview review(String metric, int months, Actor actor) {
        DoseReview review = DoseReview.of(metric, summaries.since(ZonedDateTime.now(clock).minusMonths(months)
                .toInstant()), levels.current(), months);
        audit.record(actor, AuditEntry.success("DOSE_REVIEW_VIEWED", "DOSE_LEVEL", metric)
                .withDetail(Count.of(review.studies(), "study", "studies") + " over " + months + " months"));
        return review;
    }

    /** Every study with dose over the last {@code months}, one line each, for a spreadsheet; audited. */
    public List<DoseSummary> export(int months, Actor actor) {
        List<DoseSummary> studies = summaries.since(ZonedDateTime.now(clock).minusMonths(months).toInstant());
        audit.record(actor, AuditEntry.success("DOSE_EXPORTED", "DOSE_LEVEL", null)
                .withDetail(Count.of(studies.size(), "study", "studies") + " over " + months + " months"));
        return studies;
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

    @EventListener
    void patientsMerged(PatientsMerged merged) {
        summaries.movePatient(merged.mergedId(), merged.survivorId());
    }

    private List<DoseCheck> exceeded(Exam exam) {
        return checks.atTheScanner(exam, examDose(exam)).stream().filter(DoseCheck::exceeded).toList();
    }

    private String patientOf(Exam exam) {
        return patients.get(exam.patientId()).identifier().toString();
    }

    private DoseHistory history(Exam current) {
        List<DoseHistory.Entry> entries = summaries.ofPatient(current.patientId(),
                ZonedDateTime.now(clock).minusMonths(historyMonths).toInstant()).stream()
                .map(study -> new DoseHistory.Entry(study.accessionNumber(), study.protocol(), study.performedAt(),
                        study.dlpTotalMGyCm(), study.dapTotalGyCm2(), study.doseRpTotalMGy(),
                        Objects.equals(study.examId(), current.id())))
                .toList();
        return new DoseHistory(historyMonths, entries,
                entries.stream().map(DoseHistory.Entry::dlpTotalMGyCm).reduce(null, DoseUnits::sum),
                entries.stream().map(DoseHistory.Entry::dapTotalGyCm2).reduce(null, DoseUnits::sum),
                entries.stream().map(DoseHistory.Entry::doseRpTotalMGy).reduce(null, DoseUnits::sum));
    }

    private static Double total(List<DoseSummary> studies, String metric) {
        return studies.stream().map(study -> study.value(metric)).reduce(null, DoseUnits::sum);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
