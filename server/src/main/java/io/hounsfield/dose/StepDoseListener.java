package io.hounsfield.dose;

import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.worklist.PerformedStepEnded;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Dose a modality reports in its performed procedure step (PS3.3 §C.4.16 Radiation Dose module: dose area product,
 * entrance dose, fluoroscopy time), kept for exams whose modality sends neither a dose report nor dose in its
 * images. Read after the step is committed, so a step the dose cannot be read from is still accepted.
 */
@Component
class StepDoseListener {
    private static final System.Logger LOG = System.getLogger(StepDoseListener.class.getName());

    private final DoseRecords records;
    private final StudyDoseRecorder recorder;
    private final ExamService exams;
    private final PatientService patients;
    private final Clock clock;

    StepDoseListener(DoseRecords records, StudyDoseRecorder recorder, ExamService exams, PatientService patients,
            Clock clock) {
        this.records = records;
        this.recorder = recorder;
        this.exams = exams;
        this.patients = patients;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void stepEnded(PerformedStepEnded ended) {
        if (ended.examId() == null) {
            return;
        }
        try {
            HeaderDose dose = HeaderDose.read(ended.step());
            if (dose == null) {
                return;
            }
            Exam exam = exams.get(ended.examId());
            DoseRecords.Origin origin = new DoseRecords.Origin(exam.studyInstanceUid(), null, ended.stepUid(), null,
                    exam.accessionNumber(), exam.id(), patients.get(exam.patientId()).identifier().toString());
            records.saveStep(origin, dose, clock.instant());
            recorder.studyRead(origin, ended.step(), ended.modalityAeTitle());
        } catch (RuntimeException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "Dose not read from procedure step " + ended.stepUid() + ": "
                    + unreadable);
        }
    }
}
