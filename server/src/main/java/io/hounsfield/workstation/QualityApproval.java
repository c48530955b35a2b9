package io.hounsfield.workstation;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.quality.QualityService;
import io.hounsfield.security.Role;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The technologist's review after acquisition: approve the images (every warning or failure of the automatic checks
 * acknowledged first), then release the exam for reading. Only then do radiologists see its images.
 */
@Service
class QualityApproval {

    private final ExamService exams;
    private final QualityService quality;
    private final ArchiveService archive;

    QualityApproval(ExamService exams, QualityService quality, ArchiveService archive) {
        this.exams = exams;
        this.quality = quality;
        this.archive = archive;
    }

    /**
     * ACQUIRED to QC_APPROVED. A student's images are approved by a qualified technologist (JRCERT direct
     * supervision: the practitioner reviews and approves the images).
     */
    @Transactional
    public void approve(long examId, Actor actor) {
        Exam exam = exams.get(examId);
        if (Role.STUDENT.name().equals(actor.role())) {
            throw refused("A qualified technologist reviews and approves a student's images.");
        }
        if (exam.state() == ExamState.ACQUIRED) {
            long quarantined = archive.quarantinedCount(exam.studyInstanceUid(), exam.accessionNumber());
            if (quarantined > 0) {
                throw refused("This exam has " + Count.of(quarantined, "image", "images") + " in quarantine: the"
                        + " patient they name does not match the order. Resolve the quarantine before approving.");
            }
            int open = quality.unacknowledged(exam.studyInstanceUid()).size();
            if (open > 0) {
                throw refused(open == 1 ? "One check result needs your acknowledgement before approval."
                        : open + " check results need your acknowledgement before approval.");
            }
        }
        exams.transition(examId, ExamState.QC_APPROVED, actor, null);
    }

    /** QC_APPROVED to RELEASED: the radiologists' worklists and queries now show the exam's images. */
    @Transactional
    public void release(long examId, Actor actor) {
        if (Role.STUDENT.name().equals(actor.role())) {
            throw refused("A qualified technologist releases a student's exam for reading.");
        }
        exams.transition(examId, ExamState.RELEASED, actor, null);
    }

    private static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.STATE_CONFLICT, message);
    }
}
