package io.hounsfield.dose;

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
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18: a modality that sends neither a dose report nor dose in its images gives the exam's dose in its
 * performed procedure step (PS3.3 §C.4.16 Radiation Dose module); a follow-up level it exceeds is raised.
 */
@HounsfieldIntegrationTest
class StepDoseIT {
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    DoseService dose;

    @Autowired
    NotificationService notifications;

    @Autowired
    Clock clock;

    @Test
    void theDoseOfACompletedStepIsTheExamsAndAFollowUpLevelItExceedsIsRaised() throws Exception {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "XRCHEST1", null, Priority.ROUTINE, "DX1",
                clock.instant(), null, null), LEAD);
        DicomClient client = new DicomClient(ApplicationEntity.of("DX1", new ServiceRegistry()));
        try (Association association = client.connect("127.0.0.1", listener.port(), "HOUNSFIELD",
                new PresentationContexts().add(Uids.ModalityPerformedProcedureStep, Uids.ExplicitVRLittleEndian))) {
            Scu scu = new Scu(association);
            Scu.NResult created = scu.nCreate(Uids.ModalityPerformedProcedureStep, null, inProgress(exam));
            assertThat(created.status()).isEqualTo(Status.SUCCESS);
            String uid = created.command().getString(Tags.AffectedSOPInstanceUID);
            Attributes completed = new Attributes();
            completed.setString(Tags.PerformedProcedureStepStatus, VR.CS, "COMPLETED");
            completed.setString(Tags.PerformedProcedureStepEndDate, VR.DA, "20261201");
            completed.setString(Tags.PerformedProcedureStepEndTime, VR.TM, "103000");
            completed.setString(Tags.ImageAndFluoroscopyAreaDoseProduct, VR.DS, "4.56");
            completed.setString(Tags.EntranceDoseInmGy, VR.DS, "0.8");
            completed.setInts(Tags.TotalTimeOfFluoroscopy, VR.US, 3700);
            assertThat(scu.nSet(Uids.ModalityPerformedProcedureStep, uid, completed).status())
                    .isEqualTo(Status.SUCCESS);
        }

        ExamDose read = dose.examDose(exam);
        assertThat(read.sourceInWords()).startsWith("Read from the modality's procedure step");
        assertThat(read.dapTotalGyCm2()).isEqualTo(0.456);
        assertThat(read.events()).singleElement().satisfies(event -> assertThat(event.entranceDoseMGy())
                .isEqualTo(0.8));
        assertThat(read.fluoroTime()).isEqualTo("61 min 40 s");
        assertThat(notifications.about(exam.accessionNumber())).filteredOn(found -> found.role().equals("PHYSICIST"))
                .singleElement().satisfies(found -> assertThat(found.message())
                        .contains("Fluoroscopy time 3700.00 s is above the follow-up level of 3600 s"));
    }

    private static Attributes inProgress(Exam exam) {
        Attributes step = new Attributes();
        Attributes scheduled = step.newSequence(Tags.ScheduledStepAttributesSequence).addItem();
        scheduled.setString(Tags.AccessionNumber, VR.SH, exam.accessionNumber());
        scheduled.setString(Tags.StudyInstanceUID, VR.UI, exam.studyInstanceUid());
        step.setString(Tags.PerformedStationAETitle, VR.AE, "DX1");
        step.setString(Tags.PerformedProcedureStepStartDate, VR.DA, "20261201");
        step.setString(Tags.PerformedProcedureStepStartTime, VR.TM, "101500");
        step.setString(Tags.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
        step.setString(Tags.Modality, VR.CS, "DX");
        return step;
    }
}
