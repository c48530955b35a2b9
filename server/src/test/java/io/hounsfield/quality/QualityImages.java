package io.hounsfield.quality;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;

/** Radiographs of an exam the tests create, stored through the archive's ingest. */
public record QualityImages(ExamService exams, PatientService patients, ArchiveService archive, Clock clock) {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    /** A chest radiograph exam of a new patient, completed at the modality. */
    public Exam acquiredExam() {
        Exam exam = startedExam();
        exams.transition(exam.id(), ExamState.ACQUIRED, LEAD, null);
        return exams.get(exam.id());
    }

    /** A chest radiograph exam of a new patient, in progress: the cockpit can complete it. */
    public Exam startedExam() {
        long patient = patients.registerTemporary(Sex.M, LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "XRCHEST1", null, Priority.ROUTINE, "DX1",
                clock.instant(), null, null), LEAD);
        for (ExamState state : new ExamState[] {ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS}) {
            exams.transition(exam.id(), state, LEAD, null);
        }
        return exams.get(exam.id());
    }

    public Attributes radiograph(Exam exam, int number) {
        Patient patient = patients.get(exam.patientId());
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), patient.identifier().value(),
                patient.demographics().familyName() + "^" + patient.demographics().givenName(), exam.accessionNumber(),
                "20261201", "DX");
        Attributes image = TestStudies.image(study, exam.studyInstanceUid() + ".1", 1, number);
        image.setString(Tags.SOPClassUID, VR.UI, Uids.DigitalXRayImageStorageForPresentation);
        image.setString(Tags.IssuerOfPatientID, VR.LO, patient.identifier().issuer());
        image.setString(Tags.PatientSex, VR.CS, "M");
        image.setString(Tags.PatientBirthDate, VR.DA);
        image.setString(Tags.BodyPartExamined, VR.CS, "CHEST");
        return image;
    }

    public StoreResult.Outcome store(Attributes image) {
        StoreBatch batch = StoreBatch.of("DX1", "tech", null);
        try {
            return archive.store(image, batch).outcome();
        } finally {
            archive.finished(batch);
        }
    }
}
