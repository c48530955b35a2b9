package io.hounsfield.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@HounsfieldIntegrationTest
class ExamWorkflowIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @Autowired
    PatientService patients;

    @Autowired
    AuditService audit;

    @Test
    void everyTransitionIsRecordedWithWhoAndWhy() {
        Exam exam = scheduleForTraumaPatient("CTHEAD", null);

        exams.transition(exam.id(), ExamState.ARRIVED, TECH, null);
        exams.transition(exam.id(), ExamState.VERIFIED, TECH, "name and date of birth confirmed");
        Exam started = exams.transition(exam.id(), ExamState.IN_PROGRESS, TECH, null);

        assertThat(started.state()).isEqualTo(ExamState.IN_PROGRESS);
        assertThat(exams.history(exam.id())).extracting(ExamTransition::to, ExamTransition::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ExamState.SCHEDULED, "lead"),
                        org.assertj.core.groups.Tuple.tuple(ExamState.ARRIVED, "tech"),
                        org.assertj.core.groups.Tuple.tuple(ExamState.VERIFIED, "tech"),
                        org.assertj.core.groups.Tuple.tuple(ExamState.IN_PROGRESS, "tech"));
        assertThat(exams.history(exam.id()).get(2).reason()).isEqualTo("name and date of birth confirmed");
    }

    @Test
    void anIllegalTransitionIsRefusedInPlainWordsWithWhatToDoFirst() {
        Exam exam = scheduleForTraumaPatient("CTHEAD", null);

        assertThatThrownBy(() -> exams.transition(exam.id(), ExamState.VERIFIED, TECH, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("This exam has not been checked in yet, so it cannot be verified. Check the patient in first.");
        assertThatThrownBy(() -> exams.transition(exam.id(), ExamState.IN_PROGRESS, TECH, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("This exam has not been checked in yet, so it cannot be started. Check the patient in first.");
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.SCHEDULED);
        assertThat(exams.history(exam.id())).hasSize(1);
    }

    @Test
    void aSidedProcedureNeedsALaterality() {
        assertThatThrownBy(() -> scheduleForTraumaPatient("XRKNEE", null))
                .isInstanceOf(MissingLateralityException.class);
        assertThat(scheduleForTraumaPatient("XRKNEE", Laterality.R).laterality()).isEqualTo(Laterality.R);
    }

    @Test
    void traumaPatientsGetDistinctTemporaryIdentitiesAndTheirExamsAreAudited() {
        Instant before = AuditTime.now(jdbc);
        Patient first = patients.registerTemporary(Sex.U, TECH);
        Patient second = patients.registerTemporary(Sex.M, TECH);

        assertThat(first.temporary()).isTrue();
        assertThat(first.identifier().issuer()).isEqualTo(PatientService.TEMPORARY_ISSUER);
        assertThat(first.identifier()).isNotEqualTo(second.identifier());
        assertThat(first.demographics().givenName()).isNotEqualTo(second.demographics().givenName());
        assertThat(first.demographics().familyName()).isEqualTo("TRAUMA");

        Exam exam = exams.schedule(new NewExam(null, first.id(), "CTTRAUMA", null, Priority.STAT, "CT1",
                clock.instant(), null, null), TECH);
        assertThat(audit.search(new AuditQuery("tech", first.identifier().toString(), "EXAM_SCHEDULED", before, null, 0)))
                .singleElement().satisfies(event -> assertThat(event.objectId()).isEqualTo(exam.accessionNumber()));
    }

    private Exam scheduleForTraumaPatient(String procedure, Laterality laterality) {
        Patient patient = patients.registerTemporary(Sex.U, TECH);
        return exams.schedule(new NewExam(null, patient.id(), procedure, laterality, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), new Actor("lead", "LEAD", "127.0.0.1"));
    }
}
