package io.hounsfield.security;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

public class UsernameTakenException extends HounsfieldException {

    public UsernameTakenException(String username) {
        super(Failure.DUPLICATE, "The user name '" + username + "' is already taken.");
    }
}
