package io.hounsfield.security;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/** Nobody could administer the users any more. */
public class LastAdministratorException extends HounsfieldException {

    public LastAdministratorException(String username) {
        super(Failure.STATE_CONFLICT, username + " is the last active administrator and must stay one:"
                + " make another user an administrator first.");
    }
}
