package io.hounsfield.patient;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class UnknownPatientException extends HounsfieldException {

    public UnknownPatientException(Object identifier) {
        super(Failure.NOT_FOUND, "No patient with identifier " + identifier + ".");
    }
}
