package io.hounsfield.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Issue 14 point 7: a department where verifying at the modality counts (MPPS alone drives the worklist). */
@HounsfieldIntegrationTest
@TestPropertySource(properties = "hounsfield.workflow.mpps-counts-as-verification=true")
class MppsCountsAsVerificationIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");

    @Autowired
    DicomListener listener;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anMppsForAnUnverifiedExamStartsItAsVerifiedAtTheModalityWithoutTellingTheLeads() throws Exception {
        long patient = patients.registerTemporary(Sex.U, TECH).id();
        Exam scheduled = exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), TECH);
        try (Association association = PerformedProcedureStepIT.connect(listener, "CT1")) {
            assertThat(new Scu(association).nCreate(Uids.ModalityPerformedProcedureStep, null,
                    PerformedProcedureStepIT.inProgress(scheduled)).status()).isEqualTo(Status.SUCCESS);
        }

        assertThat(exams.get(scheduled.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        ExamTransition last = exams.history(scheduled.id()).get(exams.history(scheduled.id()).size() - 1);
        assertThat(last.reason()).contains("verified at the modality").doesNotContain("not verified");
        assertThat(notifications.about(scheduled.accessionNumber())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params("EXAM_VERIFIED_AT_MODALITY", scheduled.accessionNumber()).query(Long.class).single())
                .isEqualTo(1);
    }
}
