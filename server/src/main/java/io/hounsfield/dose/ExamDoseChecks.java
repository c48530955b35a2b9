package io.hounsfield.dose;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.patient.PatientService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An exam's dose against the current dose check levels: at the scanner (CT notification and alert values, which
 * need the technologist's reason), and for follow-up (the exam's fluoroscopy totals, and the patient's totals over
 * the months a level names, this exam included).
 */
@Component
class ExamDoseChecks {
    /** From this age the adult levels and reference levels apply. */
    static final int ADULT_FROM = 18;
    /** Age assumed when the birth date is unknown (an unidentified trauma patient): the adult levels apply. */
    static final int UNKNOWN_AGE = ADULT_FROM;

    private final DoseLevels levels;
    private final DoseExams summaries;
    private final ProcedureCatalog catalog;
    private final PatientService patients;
    private final Clock clock;

    ExamDoseChecks(DoseLevels levels, DoseExams summaries, ProcedureCatalog catalog, PatientService patients,
            Clock clock) {
        this.levels = levels;
        this.summaries = summaries;
        this.catalog = catalog;
        this.patients = patients;
        this.clock = clock;
    }

    /** The CT checks (NEMA XR 25); empty for an exam that is not CT or has no acquisitions. */
    List<DoseCheck> atTheScanner(Exam exam, ExamDose dose) {
        Optional<Procedure> procedure = catalog.find(exam.procedureCode());
        if (procedure.isEmpty() || !"CT".equals(procedure.get().modality()) || dose.acquisitions().isEmpty()) {
            return List.of();
        }
        return DoseChecks.check(dose, levels.current(), procedure.get().bodyPart(), age(exam));
    }

    /** The exam's follow-up levels, then the patient's levels over time. */
    List<DoseCheck> forFollowUp(Exam exam, ExamDose dose) {
        List<DoseLevel> current = levels.current();
        List<DoseCheck> checks = new ArrayList<>(dose.known() ? DoseChecks.followUps(dose, current) : List.of());
        for (DoseLevel level : current) {
            if (!level.overTime()) {
                continue;
            }
            List<DoseSummary> window = summaries.ofPatient(exam.patientId(),
                    ZonedDateTime.now(clock).minusMonths(level.windowMonths()).toInstant());
            Double total = window.stream().map(summary -> summary.value(level.metric())).filter(Objects::nonNull)
                    .reduce(DoseUnits::sum).orElse(null);
            if (total != null) {
                checks.add(new DoseCheck("This patient over " + level.windowMonths() + " months", total, level,
                        total > level.value()));
            }
        }
        return checks;
    }

    int age(Exam exam) {
        LocalDate birthDate = patients.get(exam.patientId()).demographics().birthDate();
        return birthDate == null ? UNKNOWN_AGE : Period.between(birthDate, LocalDate.now(clock)).getYears();
    }
}
