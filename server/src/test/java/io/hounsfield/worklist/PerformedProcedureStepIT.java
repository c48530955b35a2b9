package io.hounsfield.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.ServiceRegistry;
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

/** Our own SCU as the modality, sending N-CREATE and N-SET to the running listener. */
@HounsfieldIntegrationTest
class PerformedProcedureStepIT {

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
    JdbcClient jdbc;

    @Autowired
    NotificationService notifications;

    @Test
    void createThenCompleteMovesTheExamToInProgressThenAcquired() throws Exception {
        Exam exam = verifiedCtExam();
        try (Association association = connect("CT1")) {
            Scu scu = new Scu(association);
            Scu.NResult created = scu.nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(exam));
            assertThat(created.status()).isEqualTo(Status.SUCCESS);
            String uid = created.command().getString(Tags.AffectedSOPInstanceUID);
            assertThat(uid).startsWith("2.25.");
            assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.IN_PROGRESS);

            assertThat(scu.nSet(Uids.ModalityPerformedProcedureStep, uid, completed()).status()).isEqualTo(Status.SUCCESS);
            assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
            assertThat(jdbc.sql("SELECT series_count FROM performed_procedure_step WHERE sop_instance_uid = ?")
                    .param(uid).query(Integer.class).single()).isEqualTo(1);

            assertThat(scu.nSet(Uids.ModalityPerformedProcedureStep, uid, completed()).status())
                    .as("N-SET after COMPLETED").isEqualTo(Status.PROCESSING_FAILURE);
            assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
        }
        assertThat(exams.history(exam.id())).extracting(ExamTransition::to, ExamTransition::actor)
                .endsWith(org.assertj.core.groups.Tuple.tuple(ExamState.IN_PROGRESS, "CT1"),
                        org.assertj.core.groups.Tuple.tuple(ExamState.ACQUIRED, "CT1"));
    }

    @Test
    void discontinuedWithAReasonDiscontinuesTheExam() throws Exception {
        Exam exam = verifiedCtExam();
        try (Association association = connect("CT1")) {
            Scu scu = new Scu(association);
            String uid = scu.nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(exam)).command()
                    .getString(Tags.AffectedSOPInstanceUID);
            Attributes discontinued = ended("DISCONTINUED");
            Attributes reason = discontinued.newSequence(Tags.PerformedProcedureStepDiscontinuationReasonCodeSequence)
                    .addItem();
            reason.setString(Tags.CodeValue, VR.SH, "110505");
            reason.setString(Tags.CodingSchemeDesignator, VR.SH, "DCM");
            reason.setString(Tags.CodeMeaning, VR.LO, "Patient refused to continue procedure");

            assertThat(scu.nSet(Uids.ModalityPerformedProcedureStep, uid, discontinued).status()).isEqualTo(Status.SUCCESS);
        }
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.DISCONTINUED);
        assertThat(exams.history(exam.id()).get(exams.history(exam.id()).size() - 1).reason())
                .isEqualTo("Patient refused to continue procedure");
    }

    @Test
    void aDuplicateCreateAndABadStatusAreRefused() throws Exception {
        Exam exam = verifiedCtExam();
        try (Association association = connect("CT1")) {
            Scu scu = new Scu(association);
            assertThat(scu.nCreate(Uids.ModalityPerformedProcedureStep, "1.2.3.4.5." + exam.id(), inProgress(exam))
                    .status()).isEqualTo(Status.SUCCESS);
            assertThat(scu.nCreate(Uids.ModalityPerformedProcedureStep, "1.2.3.4.5." + exam.id(), inProgress(exam))
                    .status()).isEqualTo(Status.DUPLICATE_SOP_INSTANCE);
            Attributes completedAtOnce = inProgress(exam);
            completedAtOnce.setString(Tags.PerformedProcedureStepStatus, VR.CS, "COMPLETED");
            assertThat(scu.nCreate(Uids.ModalityPerformedProcedureStep, null, completedAtOnce).status())
                    .as("Invalid Attribute Value").isEqualTo(0x0106);
            assertThat(scu.nSet(Uids.ModalityPerformedProcedureStep, "1.2.3.4.5.999999", completed()).status())
                    .isEqualTo(Status.NO_SUCH_OBJECT_INSTANCE);
        }
    }

    /** Issue 12 point 5: the MPPS is evidence the exam is being performed, verified in the cockpit or not. */
    @Test
    void anMppsForACheckedInExamStartsItAndSaysItWasNotVerified() throws Exception {
        Exam exam = verifiedCtExam();
        Exam arrived = exams.schedule(new NewExam(null, exam.patientId(), "CTHEAD", null, Priority.STAT, "CT1",
                exam.scheduledStart(), null, null), TECH);
        exams.transition(arrived.id(), ExamState.ARRIVED, TECH, "trauma registration");
        try (Association association = connect("CT1")) {
            assertThat(new Scu(association).nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(arrived))
                    .status()).isEqualTo(Status.SUCCESS);
        }
        assertThat(exams.get(arrived.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        ExamTransition last = exams.history(arrived.id()).get(exams.history(arrived.id()).size() - 1);
        assertThat(last.actor()).isEqualTo("CT1");
        assertThat(last.reason()).contains("MPPS").contains("not verified in the exam cockpit");
    }

    /** Issue 14 point 7: by default the modality's step is not the verification, and the leads are told. */
    @Test
    void anMppsForAnUnverifiedExamTellsTheLeads() throws Exception {
        long patient = patients.registerTemporary(Sex.U, TECH).id();
        Exam scheduled = exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1",
                clock.instant(), null, null), TECH);
        Exam verified = verifiedCtExam();
        try (Association association = connect("CT1")) {
            Scu scu = new Scu(association);
            assertThat(scu.nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(scheduled)).status())
                    .isEqualTo(Status.SUCCESS);
            assertThat(scu.nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(verified)).status())
                    .isEqualTo(Status.SUCCESS);
        }
        assertThat(exams.get(scheduled.id()).state()).isEqualTo(ExamState.IN_PROGRESS);
        assertThat(notifications.about(scheduled.accessionNumber())).singleElement().satisfies(notification -> {
            assertThat(notification.role()).isEqualTo("LEAD");
            assertThat(notification.open()).isTrue();
            assertThat(notification.message()).contains("CT1").contains(scheduled.accessionNumber())
                    .contains("nobody verified");
            assertThat(notification.link()).isEqualTo("/exams/" + scheduled.id());
        });
        assertThat(notifications.about(verified.accessionNumber())).as("verified in the cockpit").isEmpty();
    }

    @Test
    void anMppsForAHeldExamIsKeptButDoesNotStartIt() throws Exception {
        long patient = patients.registerTemporary(Sex.U, TECH).id();
        Exam held = exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), TECH);
        exams.transition(held.id(), ExamState.ARRIVED, TECH, null);
        exams.placeHold(held.id(), "Request is for another patient", null, TECH);
        try (Association association = connect("CT1")) {
            assertThat(new Scu(association).nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(held))
                    .status()).isEqualTo(Status.SUCCESS);
        }
        assertThat(exams.get(held.id()).state()).isEqualTo(ExamState.ARRIVED);
        assertThat(exams.history(held.id())).extracting(ExamTransition::event)
                .endsWith(io.hounsfield.exam.HistoryEvent.HOLD_NOTE);
    }

    @Test
    void aPeerWithoutMppsPermissionIsRefused() throws Exception {
        Exam exam = verifiedCtExam();
        try (Association association = connect("VIEWER")) {
            assertThat(new Scu(association).nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(exam)).status())
                    .isEqualTo(Status.NOT_AUTHORIZED);
        }
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.VERIFIED);
    }

    static Exam verifiedCtExam(PatientService patients, ExamService exams, Clock clock) {
        long patient = patients.registerTemporary(Sex.U, TECH).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1", clock.instant(),
                null, null), TECH);
        exams.transition(exam.id(), ExamState.ARRIVED, TECH, null);
        return exams.transition(exam.id(), ExamState.VERIFIED, TECH, "identity confirmed");
    }

    private Exam verifiedCtExam() {
        return verifiedCtExam(patients, exams, clock);
    }

    private Association connect(String callingAeTitle) throws Exception {
        return connect(listener, callingAeTitle);
    }

    static Association connect(DicomListener listener, String callingAeTitle) throws Exception {
        DicomClient client = new DicomClient(ApplicationEntity.of(callingAeTitle, new ServiceRegistry()));
        return client.connect("127.0.0.1", listener.port(), "HOUNSFIELD", new PresentationContexts()
                .add(Uids.ModalityPerformedProcedureStep, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian));
    }

    static Attributes inProgress(Exam exam) {
        Attributes step = new Attributes();
        Attributes scheduled = step.newSequence(Tags.ScheduledStepAttributesSequence).addItem();
        scheduled.setString(Tags.AccessionNumber, VR.SH, exam.accessionNumber());
        scheduled.setString(Tags.StudyInstanceUID, VR.UI, exam.studyInstanceUid());
        step.setString(Tags.PerformedStationAETitle, VR.AE, "CT1");
        step.setString(Tags.PerformedProcedureStepStartDate, VR.DA, "20261126");
        step.setString(Tags.PerformedProcedureStepStartTime, VR.TM, "101500");
        step.setString(Tags.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
        step.setString(Tags.Modality, VR.CS, "CT");
        return step;
    }

    private static Attributes completed() {
        Attributes step = ended("COMPLETED");
        Attributes series = step.newSequence(Tags.PerformedSeriesSequence).addItem();
        series.setString(Tags.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.9.7777.1");
        series.setString(Tags.SeriesDescription, VR.LO, "Head 5mm");
        return step;
    }

    private static Attributes ended(String status) {
        Attributes step = new Attributes();
        step.setString(Tags.PerformedProcedureStepStatus, VR.CS, status);
        step.setString(Tags.PerformedProcedureStepEndDate, VR.DA, "20261126");
        step.setString(Tags.PerformedProcedureStepEndTime, VR.TM, "102000");
        return step;
    }
}
