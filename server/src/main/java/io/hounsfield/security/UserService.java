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

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserAccount account = users.findById(id).orElseThrow(() -> new UnknownUserException(id));
        users.setEnabled(id, enabled);
        audit.record(AuditEntry.success(enabled ? "USER_ENABLED" : "USER_DISABLED", OBJECT_TYPE, account.username()));
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
