package io.hounsfield.security;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class UnknownUserException extends HounsfieldException {

    public UnknownUserException(long id) {
        super(Failure.NOT_FOUND, "No user with id " + id + ".");
    }
}
