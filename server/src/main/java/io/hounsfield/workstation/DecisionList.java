package io.hounsfield.workstation;

import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What waits for a radiologist, physicist or lead: positive screens (pregnancy, contrast, MRI implant) of
 * exams still under way that have no decision, those the role decides first ({@link Screen} names who
 * decides what, the same rule {@link Cockpit#decide} enforces). A physicist also sees the positive
 * pregnancy screens, for which a Qualified Medical Physicist may be asked for a fetal dose estimate
 * (DOMAIN.md SAF-12, ACR–SPR practice parameter).
 */
@Service
class DecisionList {

    /**
     * One case waiting, as the list shows it.
     *
     * @param decides whether this role records the decision (otherwise the case is listed for advice)
     */
    record Row(long examId, String accessionNumber, String patientName, String patientIdentifier,
            LocalDate birthDate, String procedureName, String screenName, String finding, String question,
            String answeredBy, Instant answeredAt, boolean decides) {}

    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("POSSIBLY_PREGNANT", "possibly pregnant"), Map.entry("PREGNANT", "pregnant"),
            Map.entry("HIGH_RISK", "high risk"), Map.entry("CAUTION", "caution"),
            Map.entry("MR_CONDITIONAL", "MR Conditional implant or device"),
            Map.entry("MR_UNSAFE", "MR Unsafe implant or device"));

    /** A code such as PATIENT_ATTESTATION or NONE inside a recorded method, to be shown as words. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

    private final PendingDecisions pending;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;

    DecisionList(PendingDecisions pending, ExamService exams, PatientService patients, ProcedureCatalog catalog) {
        this.pending = pending;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
    }

    /** The cases for this role, the ones it decides first, oldest answer first within each. */
    List<Row> waitingFor(Role role) {
        return pending.undecided().stream()
                .filter(undecided -> undecided.screen().positive(undecided.answer()))
                .map(undecided -> row(undecided, role))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((Row row) -> !row.decides()).thenComparing(Row::answeredAt))
                .toList();
    }

    private Optional<Row> row(PendingDecisions.Undecided undecided, Role role) {
        boolean decides = undecided.screen().decidedBy(role.name());
        boolean doseEstimate = role == Role.PHYSICIST && undecided.screen() == Screen.PREGNANCY;
        if (!decides && !doseEstimate) {
            return Optional.empty();
        }
        Exam exam = exams.get(undecided.examId());
        if (exam.state().isFinal()) {
            return Optional.empty();
        }
        Patient patient = patients.get(exam.patientId());
        Demographics name = patient.demographics();
        return Optional.of(new Row(exam.id(), exam.accessionNumber(),
                name.familyName().toUpperCase() + (name.givenName() == null ? "" : ", " + name.givenName()),
                patient.identifier().value(), name.birthDate(), catalog.get(exam.procedureCode()).name(),
                screenName(undecided.screen()), finding(undecided), decides ? question(undecided.screen())
                        : "A fetal dose estimate may be needed before the radiologist decides.",
                undecided.answeredBy(), undecided.answeredAt(), decides));
    }

    private static String screenName(Screen screen) {
        return switch (screen) {
            case PREGNANCY -> "Pregnancy";
            case CONTRAST -> "Contrast";
            case MRI -> "MRI safety";
        };
    }

    private static String question(Screen screen) {
        return switch (screen) {
            case PREGNANCY -> "Proceed, change the exam, or postpone it?";
            case CONTRAST -> "Premedicate, choose another exam, or proceed?";
            case MRI -> "May the patient be scanned, and under which conditions?";
        };
    }

    /** The answer in words; "cannot tell" is positive on every screen, because it cannot exclude the risk. */
    private static String finding(PendingDecisions.Undecided undecided) {
        String answer = ANSWERS.getOrDefault(undecided.answer(), "UNKNOWN".equals(undecided.answer())
                ? "cannot tell" : words(undecided.answer()));
        return undecided.method() == null || undecided.method().isBlank() ? answer
                : answer + " (" + CODE.matcher(undecided.method()).replaceAll(code -> words(code.group())) + ")";
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
