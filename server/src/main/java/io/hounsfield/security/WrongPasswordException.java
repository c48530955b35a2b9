package io.hounsfield.security;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/** The current password typed to change it was not the right one. */
public class WrongPasswordException extends HounsfieldException {

    public WrongPasswordException() {
        super(Failure.NOT_AUTHORIZED, "The current password is not right.");
    }
}
