package io.hounsfield.exam;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class MissingLateralityException extends HounsfieldException {

    public MissingLateralityException(String procedureName) {
        super(Failure.MISSING_VALUE, procedureName + " needs a laterality (left, right or both).");
    }
}
