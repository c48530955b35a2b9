package io.hounsfield.exam;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class IllegalTransitionException extends HounsfieldException {

    public IllegalTransitionException(Exam exam, ExamState target) {
        super(Failure.STATE_CONFLICT, "Exam " + exam.accessionNumber() + " is " + exam.state() + " and cannot become "
                + target + (exam.state().isFinal() ? "." : "; it can become " + exam.state().next() + "."));
    }
}
