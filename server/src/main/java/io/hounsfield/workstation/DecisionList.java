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
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What waits for a radiologist, physicist or lead: screens (pregnancy, contrast, MRI implant) of exams still
 * under way whose answer needs a decision and has none, those the role decides first ({@link Screen} names
 * who decides what, the same rule {@link Cockpit#decide} enforces). A physicist also sees the pregnancy
 * screens that need a decision, for which a Qualified Medical Physicist may be asked for a fetal dose
 * estimate (DOMAIN.md SAF-12, ACR–SPR practice parameter).
 */
@Service
class DecisionList {

    /**
     * One case waiting, as the list shows it.
     *
     * @param finding the screen's answer in words, how it was reached, by whom and when
     * @param decides whether this role records the decision (otherwise the case is listed for advice)
     */
    record Row(long examId, String accessionNumber, String patientName, String patientIdentifier,
            LocalDate birthDate, String procedureName, String screenName, String finding, String question,
            Instant answeredAt, boolean decides) {}

    private final PendingDecisions pending;
    private final CockpitRecords records;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;

    DecisionList(PendingDecisions pending, CockpitRecords records, ExamService exams, PatientService patients,
            ProcedureCatalog catalog) {
        this.pending = pending;
        this.records = records;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
    }

    /** The cases for this role, the ones it decides first, oldest answer first within each. */
    List<Row> waitingFor(Role role) {
        return pending.undecided().stream()
                .map(undecided -> row(undecided, role))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing((Row row) -> !row.decides()).thenComparing(Row::answeredAt))
                .toList();
    }

    private Optional<Row> row(PendingDecisions.Undecided undecided, Role role) {
        Screen screen = undecided.screen();
        boolean decides = screen.decidedBy(role.name());
        boolean doseEstimate = role == Role.PHYSICIST && screen == Screen.PREGNANCY;
        if (!decides && !doseEstimate) {
            return Optional.empty();
        }
        Optional<CockpitRecords.Screening> screening = records.lastScreen(undecided.examId(), screen)
                .filter(last -> last.positive() && last.decision() == null);
        Exam exam = exams.get(undecided.examId());
        if (screening.isEmpty() || exam.state().isFinal()) {
            return Optional.empty();
        }
        Patient patient = patients.get(exam.patientId());
        Demographics name = patient.demographics();
        return Optional.of(new Row(exam.id(), exam.accessionNumber(),
                name.familyName().toUpperCase() + (name.givenName() == null ? "" : ", " + name.givenName()),
                patient.identifier().value(), name.birthDate(), catalog.get(exam.procedureCode()).name(),
                screenName(screen), screening.get().summary(), decides ? question(screen)
                        : "A fetal dose estimate may be needed before the radiologist decides.",
                undecided.answeredAt(), decides));
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
}
