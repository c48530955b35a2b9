package io.hounsfield.exam;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class UnknownExamException extends HounsfieldException {

    public UnknownExamException(Object key) {
        super(Failure.NOT_FOUND, "No exam " + key + ".");
    }
}
