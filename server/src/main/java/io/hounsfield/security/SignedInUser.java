package io.hounsfield.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The user a login found, as the session keeps it: with the account's id and its access version at login, so that
 * {@link AccountStillValidFilter} can tell on each request whether the account was disabled, given another role or
 * a new password since.
 */
final class SignedInUser extends User {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final Role role;
    private final int accessVersion;
    private final boolean mustChangePassword;

    SignedInUser(UserRepository.Credentials credentials) {
        this(credentials.account(), credentials.passwordHash(), credentials.accessVersion());
    }

    private SignedInUser(UserAccount account, String passwordHash, int accessVersion) {
        super(account.username(), passwordHash, account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.id = account.id();
        this.role = account.role();
        this.accessVersion = accessVersion;
        this.mustChangePassword = account.mustChangePassword();
    }

    long id() {
        return id;
    }

    Role role() {
        return role;
    }

    int accessVersion() {
        return accessVersion;
    }

    /** The account as it was read for this login: for HTTP Basic, as it is in the table at this request. */
    UserRepository.AccessState accessState() {
        return new UserRepository.AccessState(isEnabled(), role, accessVersion, mustChangePassword);
    }

    /** The same user after changing their own password: this session stays, the others end. */
    SignedInUser withAccessVersion(int newVersion) {
        return new SignedInUser(new UserAccount(id, getUsername(), "", role, true, null, false), "", newVersion);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
