package io.hounsfield.worklist;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a performed procedure step means for its exam (IHE SWF RAD-6/RAD-7; docs/workflow.md): started moves an
 * exam that has not started to IN_PROGRESS, as its first image would (a missing check-in or verification is said
 * in the history and audited; a held exam does not move); completed moves it to ACQUIRED, discontinued to
 * DISCONTINUED. A step the exam's state cannot follow is kept and reported in the audit trail.
 * <p>
 * A department chooses whether the modality's step counts as the verification ({@code
 * hounsfield.workflow.mpps-counts-as-verification}, default false). When it does not, a step in progress for an
 * exam nobody verified in the exam cockpit still starts the exam (the patient is being imaged) and the leads get a
 * notification to follow the mismatch up.
 */
@Component
class PerformedStepWorkflow {

    private final ExamService exams;
    private final AuditService audit;
    private final UnverifiedStarts unverifiedStarts;
    private final boolean modalityVerifies;

    PerformedStepWorkflow(ExamService exams, AuditService audit, UnverifiedStarts unverifiedStarts,
            @Value("${hounsfield.workflow.mpps-counts-as-verification:false}") boolean modalityVerifies) {
        this.exams = exams;
        this.audit = audit;
        this.unverifiedStarts = unverifiedStarts;
        this.modalityVerifies = modalityVerifies;
    }

    /** The exam the step performs, by the accession number of its Scheduled Step Attributes. */
    Optional<Long> examFor(Attributes step) {
        Sequence scheduled = step.getSequence(Tags.ScheduledStepAttributesSequence);
        if (scheduled == null || scheduled.isEmpty()) {
            return Optional.empty();
        }
        String accession = scheduled.get(0).getString(Tags.AccessionNumber);
        return accession == null ? Optional.empty() : exams.findByAccession(accession.strip()).map(Exam::id);
    }

    void started(Long examId, String stepUid, Actor modality) {
        if (examId == null) {
            audit.record(modality, AuditEntry.success("MPPS_UNSCHEDULED", "MPPS", stepUid)
                    .withDetail("no exam matches the step; to be reconciled"));
            return;
        }
        boolean moved = start(examId, modality, "procedure step in progress reported by " + modality.name()
                + " (MPPS " + stepUid + ")");
        Exam exam = exams.get(examId);
        if (!moved && exam.state() != ExamState.IN_PROGRESS && exams.activeHold(examId).isEmpty()) {
            audit.record(modality, AuditEntry.failure("MPPS_OUT_OF_STEP", "EXAM", exam.accessionNumber(),
                    "MPPS " + stepUid + " reports IN_PROGRESS but the exam is " + exam.state()));
        }
    }

    void ended(Long examId, String stepUid, boolean completed, String reason, Actor modality) {
        if (examId != null) {
            if (completed) {
                start(examId, modality, "procedure step completed reported by " + modality.name()
                        + " (MPPS " + stepUid + ")");
            }
            move(examId, completed ? ExamState.ACQUIRED : ExamState.DISCONTINUED, stepUid, modality,
                    completed ? "MPPS " + stepUid + " completed" : reason);
        }
    }

    /** Starts the exam on the modality's word; an unverified start is told to the leads unless it counts. */
    private boolean start(long examId, Actor modality, String evidence) {
        boolean unverified = exams.get(examId).state() != ExamState.VERIFIED;
        boolean moved = exams.startedByModality(examId, modality, evidence, modalityVerifies);
        if (moved && unverified && !modalityVerifies) {
            unverifiedStarts.tellLeads(exams.get(examId), modality);
        }
        return moved;
    }

    private void move(long examId, ExamState target, String stepUid, Actor modality, String reason) {
        Exam exam = exams.get(examId);
        if (exam.state().canMoveTo(target)) {
            exams.transition(examId, target, modality, reason);
        } else if (exam.state() != target) {
            audit.record(modality, AuditEntry.failure("MPPS_OUT_OF_STEP", "EXAM", exam.accessionNumber(),
                    "MPPS " + stepUid + " reports " + target + " but the exam is " + exam.state()));
        }
    }
}
