package io.hounsfield.workstation;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Today's exams in the order a technologist takes them: STAT first, then trauma, then by booked time. */
@Component
class WorklistBoard {

    private static final Set<ExamState> WAITING = Set.of(ExamState.ARRIVED, ExamState.VERIFIED);
    private static final Comparator<BoardRow> URGENCY = Comparator
            .comparing((BoardRow row) -> row.exam().priority())
            .thenComparing(row -> !row.temporaryIdentity())
            .thenComparing(row -> row.exam().scheduledStart());

    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final CockpitRecords records;
    private final Clock clock = Clock.systemDefaultZone();

    WorklistBoard(ExamService exams, PatientService patients, ProcedureCatalog catalog, CockpitRecords records) {
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.records = records;
    }

    List<BoardRow> today(BoardFilter filter) {
        List<Exam> day = exams.forDay(LocalDate.now(clock), clock.getZone());
        Map<Long, TransportStatus> transports = records.transports(day.stream().map(Exam::id).toList());
        return day.stream()
                .map(exam -> row(exam, transports.get(exam.id())))
                .filter(filter::accepts)
                .sorted(URGENCY)
                .toList();
    }

    private BoardRow row(Exam exam, TransportStatus transport) {
        Patient patient = patients.get(exam.patientId());
        Procedure procedure = catalog.get(exam.procedureCode());
        var name = patient.demographics();
        String displayName = name.givenName() == null ? name.familyName().toUpperCase()
                : name.familyName().toUpperCase() + ", " + name.givenName();
        return new BoardRow(exam, displayName, patient.identifier().value(), patient.temporary(), procedure.name(),
                procedure.modality(), waitingSinceCheckIn(exam), transport);
    }

    private Duration waitingSinceCheckIn(Exam exam) {
        if (!WAITING.contains(exam.state())) {
            return null;
        }
        return exams.history(exam.id()).stream()
                .filter(step -> step.to() == ExamState.ARRIVED)
                .map(ExamTransition::at)
                .reduce((first, last) -> last)
                .map(arrived -> Duration.between(arrived, clock.instant()))
                .orElse(null);
    }
}
