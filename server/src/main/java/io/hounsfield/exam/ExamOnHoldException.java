package io.hounsfield.exam;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/** Refuses to verify or start an exam that a recorded mismatch holds. */
public class ExamOnHoldException extends HounsfieldException {

    public ExamOnHoldException(ExamHold hold) {
        super(Failure.STATE_CONFLICT, "This exam is on hold: " + hold.reason() + ". It can go ahead only when a lead "
                + "overrides the hold or the ordering department corrects the order.");
    }
}
