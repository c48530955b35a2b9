package io.hounsfield.security;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and manages the people who log in. Every change is audited. */
@Service
public class UserService {

    static final String OBJECT_TYPE = "USER";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditService audit) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** @throws UsernameTakenException when the name exists, in any letter case */
    @Transactional
    public UserAccount create(NewUser user) {
        if (users.exists(user.username())) {
            throw new UsernameTakenException(user.username());
        }
        long id = users.insert(user.username(), user.fullName(), user.role(), passwordEncoder.encode(user.password()));
        audit.record(AuditEntry.success("USER_CREATED", OBJECT_TYPE, user.username())
                .withDetail("role " + user.role().label()));
        return users.findById(id).orElseThrow();
    }

    /**
     * Disabling ends the user's sessions at their next request.
     *
     * @throws LastAdministratorException when it would leave no enabled administrator
     */
    @Transactional(noRollbackFor = LastAdministratorException.class)
    public void setEnabled(long id, boolean enabled) {
        UserAccount account = users.findById(id).orElseThrow(() -> new UnknownUserException(id));
        if (!enabled) {
            keepAnAdministrator(account);
        }
        users.setEnabled(id, enabled);
        audit.record(AuditEntry.success(enabled ? "USER_ENABLED" : "USER_DISABLED", OBJECT_TYPE, account.username()));
    }

    /**
     * A new role ends the user's sessions: their next request goes to the login page, and the new login has the role.
     *
     * @throws LastAdministratorException when it would leave no enabled administrator
     */
    @Transactional(noRollbackFor = LastAdministratorException.class)
    public void setRole(long id, Role role) {
        UserAccount account = users.findById(id).orElseThrow(() -> new UnknownUserException(id));
        if (account.role() == role) {
            return;
        }
        if (role != Role.ADMIN) {
            keepAnAdministrator(account);
        }
        users.setRole(id, role);
        audit.record(AuditEntry.success("USER_ROLE_CHANGED", OBJECT_TYPE, account.username())
                .withDetail("from " + account.role().label() + " to " + role.label()));
    }

    /** Until they have chosen a new password, the user can open only the password page. */
    @Transactional
    public void requirePasswordChange(long id, boolean required) {
        UserAccount account = users.findById(id).orElseThrow(() -> new UnknownUserException(id));
        users.setMustChangePassword(id, required);
        audit.record(AuditEntry.success(required ? "PASSWORD_CHANGE_REQUIRED" : "PASSWORD_CHANGE_NO_LONGER_REQUIRED",
                OBJECT_TYPE, account.username()));
    }

    /**
     * The user's own new password; their other sessions end.
     *
     * @return the account's new access version, for the session that changed it
     * @throws WrongPasswordException when {@code currentPassword} is not the password
     */
    @Transactional(noRollbackFor = WrongPasswordException.class)
    public int changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserRepository.Credentials credentials = users.findCredentials(username)
                .orElseThrow(() -> new IllegalStateException("the logged-in user has no account"));
        if (!passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
            audit.record(AuditEntry.failure("PASSWORD_CHANGED", OBJECT_TYPE, credentials.account().username(),
                    "wrong current password"));
            throw new WrongPasswordException();
        }
        int version = users.setPassword(credentials.account().id(), passwordEncoder.encode(newPassword));
        audit.record(AuditEntry.success("PASSWORD_CHANGED", OBJECT_TYPE, credentials.account().username()));
        return version;
    }

    private void keepAnAdministrator(UserAccount account) {
        if (account.role() != Role.ADMIN || !account.enabled()) {
            return;
        }
        List<Long> administrators = users.lockEnabledAdministrators();
        if (administrators.stream().noneMatch(other -> other != account.id())) {
            audit.record(AuditEntry.failure("USER_CHANGE_REFUSED", OBJECT_TYPE, account.username(),
                    "last active administrator"));
            throw new LastAdministratorException(account.username());
        }
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    public Optional<UserAccount> find(String username) {
        return users.findCredentials(username).map(UserRepository.Credentials::account);
    }

    public boolean exists(String username) {
        return users.exists(username);
    }

    public long count() {
        return users.count();
    }
}
