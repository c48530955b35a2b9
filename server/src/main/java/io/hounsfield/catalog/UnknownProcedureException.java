package io.hounsfield.catalog;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class UnknownProcedureException extends HounsfieldException {

    public UnknownProcedureException(String code) {
        super(Failure.NOT_FOUND, "No active procedure with code '" + code + "' in the catalog.");
    }
}
