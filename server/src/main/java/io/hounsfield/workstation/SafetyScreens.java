package io.hounsfield.workstation;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.contrast.ContrastAnswers;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PregnancyStatus;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import io.hounsfield.workstation.CockpitRecords.ScreenEntry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The safety screens of the cockpit (DOMAIN.md 5C pregnancy, 4A–4E contrast, 5D MRI). Every screen starts
 * unanswered; what the record already knows ({@link ScreenFacts}) cannot be contradicted without a reason, and
 * such an answer needs the decision of the role the screen names. Once the exam has started the screens are
 * read-only: a late finding is an amendment ({@link LateFindings}).
 */
@Service
class SafetyScreens {

    /** Before the exam starts, screens may be answered again; from IN_PROGRESS on they are the exam's record. */
    private static final Set<ExamState> OPEN = Set.of(ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED);
    private static final List<String> SEVERITY = List.of("MILD", "UNKNOWN", "MODERATE", "SEVERE");

    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final CockpitRecords records;
    private final AuditService audit;
    private final Clock clock;
    private final ContrastService contrast;

    SafetyScreens(ExamService exams, PatientService patients, ProcedureCatalog catalog, CockpitRecords records,
            AuditService audit, Clock clock, ContrastService contrast) {
        this.contrast = contrast;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The screens this exam needs, in the order the cockpit shows them. */
    List<Screen> screensFor(Exam exam) {
        Procedure procedure = catalog.get(exam.procedureCode());
        List<Screen> screens = new ArrayList<>();
        if (PregnancyRule.applies(patients.get(exam.patientId()), procedure, LocalDate.now(clock))) {
            screens.add(Screen.PREGNANCY);
        }
        if (procedure.contrast()) {
            screens.add(Screen.CONTRAST);
        }
        if (procedure.modality().equals("MR")) {
            screens.add(Screen.MRI);
        }
        return screens;
    }

    /** The exam has started (or ended): its screens can only be amended. */
    boolean locked(Exam exam) {
        return !OPEN.contains(exam.state());
    }

    ScreenFacts facts(Exam exam) {
        Patient patient = patients.get(exam.patientId());
        boolean gadolinium = catalog.get(exam.procedureCode()).modality().equals("MR");
        List<String> reactions = new ArrayList<>(records.priorReactions(patient.id(), exam.id(), gadolinium));
        contrast.priorSeverity(patient.id(), gadolinium).ifPresent(reactions::add);
        String priorReaction = reactions.stream().max(Comparator.comparingInt(SEVERITY::indexOf)).orElse(null);
        String allergy = joined(ContrastService.allergyConcerning(patient.demographics().allergies(), gadolinium),
                contrast.allergyOnRecord(patient.id(), gadolinium).orElse(null));
        PregnancyStatus pregnancy = patient.demographics().pregnancyStatus();
        boolean pregnantOnRecord = pregnancy == PregnancyStatus.PREGNANT || pregnancy == PregnancyStatus.POSSIBLY_PREGNANT;
        return new ScreenFacts(allergy, priorReaction,
                gadolinium, egfrReasons(patient), pregnancyReasons(patient), pregnantOnRecord ? pregnancy : null,
                records.priorImplant(patient.id(), exam.id()).orElse(null), patient.demographics().weightKg());
    }

    /**
     * Pregnancy status and how it was determined (SAF-12). "Not pregnant" cannot go with a positive test or a
     * patient who cannot attest, and goes against a pregnancy ADT reported only with a reason.
     */
    @Transactional
    public void screenPregnancy(long examId, String answer, String method, String contradictionReason, Actor actor) {
        Exam exam = openExam(examId);
        if (!Screen.PREGNANCY.accepts(answer) || !ScreenWording.isPregnancyMethod(method)) {
            throw refused("Choose the pregnancy answer and how it was determined.");
        }
        if (answer.equals("NOT_PREGNANT") && method.equals("PREGNANCY_TEST_POSITIVE")) {
            throw refused("A positive pregnancy test cannot go with “Not pregnant”.");
        }
        if (answer.equals("NOT_PREGNANT") && method.equals("NOT_ABLE_TO_ATTEST")) {
            throw refused("A patient who cannot attest is not known to be not pregnant: choose “Cannot tell”, "
                    + "or record a negative pregnancy test.");
        }
        String contradicts = null;
        PregnancyStatus onRecord = facts(exam).pregnancyOnRecord();
        if (onRecord != null && answer.equals("NOT_PREGNANT")) {
            String recorded = onRecord == PregnancyStatus.PREGNANT ? "pregnant" : "possibly pregnant";
            contradicts = "the hospital record says " + recorded + "; " + reasonFor(contradictionReason,
                    "The hospital record says the patient is " + recorded + ". To record “Not pregnant”, say why; "
                            + Screen.PREGNANCY.whoDecides() + " then decides.");
        }
        record(exam, ScreenEntry.of(Screen.PREGNANCY, answer, method, contradicts), actor);
    }

    /**
     * Contrast screen: the rules are the contrast feature's ({@link ContrastService#screen}); here the eGFR
     * triggers the record and the answers give (ACR Manual on Contrast Media: age over 60 or not known, kidney
     * disease, hypertension on medication, diabetes, metformin) and the contradiction of a reaction on record.
     */
    @Transactional
    public void screenContrast(long examId, ContrastAnswers answers, Actor actor) {
        Exam exam = openExam(examId);
        if (!ContrastService.isPriorReaction(answers.priorReaction()) || answers.metformin() == null
                || answers.kidneyRisk() == null) {
            throw refused("Answer every question of the contrast screen: prior reaction, metformin and kidney risk.");
        }
        ScreenFacts facts = facts(exam);
        List<String> needEgfr = new ArrayList<>(facts.egfrReasons());
        if (answers.metformin()) {
            needEgfr.add("metformin");
        }
        if (answers.kidneyRisk()) {
            needEgfr.add("kidney disease, hypertension or diabetes");
        }
        if (answers.egfr() == null && !needEgfr.isEmpty() && !answers.egfrUnavailable()) {
            throw refused("A recent eGFR is needed (" + String.join(", ", needEgfr) + "). If none can be had in time, "
                    + "tick “no eGFR in time”: a radiologist then decides.");
        }
        String contradicts = null;
        String onRecord = facts.contrastReactionOnRecord();
        if (onRecord != null && answers.priorReaction().equals("NONE")) {
            contradicts = onRecord + "; " + reasonFor(answers.contradictionReason(), "The record shows a reaction to "
                    + facts.agent() + " (" + onRecord + "). Choose how severe it was, or say why the record is wrong: "
                    + "a radiologist then decides.");
        }
        ContrastService.Screening screening = contrast.screen(exam, answers, needEgfr, contradicts != null, actor);
        ScreenEntry entry = new ScreenEntry(Screen.CONTRAST, screening.risk(), screening.description(),
                answers.priorReaction(), contradicts, null, null);
        record(exam, entry, actor);
    }

    /**
     * MRI safety: the written form reviewed and the answers confirmed aloud (screened twice, DOMAIN.md SAF-22),
     * and the final check before Zone IV (nothing ferromagnetic on the patient, pocketless attire; SAF-21).
     * "No implant" goes against an implant an earlier screen found only with a reason.
     */
    @Transactional
    public void screenMri(long examId, String implant, MriChecks checks, String contradictionReason, Actor actor) {
        Exam exam = openExam(examId);
        if (!Screen.MRI.accepts(implant)) {
            throw refused("Choose what the patient has: no implant, MR Conditional, MR Unsafe, or cannot tell.");
        }
        if (!checks.formReviewed() || !checks.verbalConfirmed()) {
            throw refused("MRI screening needs the written form reviewed and the answers confirmed with the patient.");
        }
        if (!checks.zoneFourCheck()) {
            throw refused("Do the final check before Zone IV: nothing metallic on the patient, pocketless gown.");
        }
        String contradicts = null;
        String priorImplant = facts(exam).priorImplant();
        if (priorImplant != null && implant.equals("NO_IMPLANT")) {
            String found = Screen.MRI.label(priorImplant);
            contradicts = "an earlier screen found: " + found + "; " + reasonFor(contradictionReason,
                    "An earlier MRI screen found: " + found + ". To record “No implant”, say why (for example, removed"
                            + " on a given date); " + Screen.MRI.whoDecides() + " then decides.");
        }
        record(exam, ScreenEntry.of(Screen.MRI, implant,
                "written form, spoken confirmation and final check before Zone IV", contradicts), actor);
    }

    /** The form's three checks of the MRI screen. */
    record MriChecks(boolean formReviewed, boolean verbalConfirmed, boolean zoneFourCheck) {}

    private void record(Exam exam, ScreenEntry entry, Actor actor) {
        records.recordScreen(exam.id(), entry, actor.name());
        audit.record(actor, AuditEntry.success(entry.screen().name() + "_SCREENED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString())
                .withDetail(entry.screen().label(entry.answer()) + ": " + (ScreenWording.isPregnancyMethod(entry.method())
                        ? ScreenWording.pregnancyMethod(entry.method()) : entry.method())
                        + (entry.contradicts() == null ? "" : "; contradicts " + entry.contradicts())));
    }

    private Exam openExam(long examId) {
        Exam exam = exams.get(examId);
        if (locked(exam)) {
            throw refused("The exam has started, so its screens can no longer be changed. "
                    + "Record a late finding instead, with the reason.");
        }
        return exam;
    }

    private List<String> egfrReasons(Patient patient) {
        List<String> reasons = new ArrayList<>();
        LocalDate born = patient.demographics().birthDate();
        if (patient.temporary()) {
            reasons.add("identity pending");
        }
        if (born == null) {
            reasons.add("age not known");
        } else if (born.plusYears(60).isBefore(LocalDate.now(clock))) {
            reasons.add("age over 60");
        }
        return reasons;
    }

    private static List<String> pregnancyReasons(Patient patient) {
        List<String> reasons = new ArrayList<>();
        if (patient.temporary()) {
            reasons.add("identity pending");
        }
        Sex sex = patient.demographics().sex();
        if (sex == Sex.U || sex == Sex.O) {
            reasons.add("sex not recorded as female or male");
        }
        if (patient.demographics().birthDate() == null) {
            reasons.add("age not known");
        }
        return reasons;
    }

    private static String joined(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }

    private static String reasonFor(String reason, String refusal) {
        if (reason == null || reason.isBlank()) {
            throw refused(refusal);
        }
        return "reason given: " + reason.strip();
    }

    static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.STATE_CONFLICT, message);
    }
}
