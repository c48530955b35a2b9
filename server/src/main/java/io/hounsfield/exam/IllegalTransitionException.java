package io.hounsfield.exam;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/**
 * A step the exam's state does not allow, said as staff would say it: where the exam is, what cannot be done,
 * and what to do first ("This exam has not been checked in yet, so it cannot be verified. Check the patient in
 * first.").
 */
public class IllegalTransitionException extends HounsfieldException {

    public IllegalTransitionException(Exam exam, ExamState target) {
        super(Failure.STATE_CONFLICT, message(exam.state(), target));
    }

    static String message(ExamState state, ExamState target) {
        if (state == target) {
            return "This exam is already " + done(target) + ".";
        }
        return "This exam " + where(state) + ", so it cannot be " + done(target) + ". " + whatNext(state);
    }

    /** The state as the history and messages name it. */
    static String plainState(ExamState state) {
        return switch (state) {
            case SCHEDULED -> "Scheduled";
            case ARRIVED -> "Checked in";
            case VERIFIED -> "Verified";
            case IN_PROGRESS -> "Started";
            case ACQUIRED -> "Completed";
            case QC_APPROVED -> "Images approved";
            case RELEASED -> "Released to the radiologist";
            case CANCELLED -> "Cancelled";
            case DISCONTINUED -> "Discontinued";
        };
    }

    private static String where(ExamState state) {
        return switch (state) {
            case SCHEDULED -> "has not been checked in yet";
            case ARRIVED -> "is checked in but the patient's identity and the procedure have not been verified yet";
            case VERIFIED -> "is verified and has not been started yet";
            case IN_PROGRESS -> "is under way";
            case ACQUIRED -> "has been completed";
            case QC_APPROVED -> "has had its images approved";
            case RELEASED -> "has been released to the radiologist";
            case CANCELLED -> "was cancelled";
            case DISCONTINUED -> "was discontinued";
        };
    }

    private static String done(ExamState target) {
        return switch (target) {
            case SCHEDULED -> "put back on the schedule";
            case ARRIVED -> "checked in";
            case VERIFIED -> "verified";
            case IN_PROGRESS -> "started";
            case ACQUIRED -> "completed";
            case QC_APPROVED -> "approved";
            case RELEASED -> "released to the radiologist";
            case CANCELLED -> "cancelled";
            case DISCONTINUED -> "discontinued";
        };
    }

    private static String whatNext(ExamState state) {
        return switch (state) {
            case SCHEDULED -> "Check the patient in first.";
            case ARRIVED -> "Verify the patient's identity and the procedure first.";
            case VERIFIED -> "It is ready to be started.";
            case IN_PROGRESS -> "It can be completed, or discontinued with a reason.";
            case ACQUIRED -> "Its images are waiting for quality review.";
            case QC_APPROVED -> "It is waiting to be released to the radiologist.";
            case RELEASED, CANCELLED, DISCONTINUED -> "Nothing more can be done to it.";
        };
    }
}
