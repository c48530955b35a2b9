package io.hounsfield.security;

import io.hounsfield.system.HounsfieldProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in. Demo mode creates one user per role, each with password
 * {@code demo}. Otherwise, on an empty user table, {@code hounsfield.admin.initial-password} creates
 * {@code admin}; without it no user and no default password exist.
 */
@Component
class FirstUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private static final System.Logger LOG = System.getLogger(FirstUsers.class.getName());

    private final UserService users;
    private final HounsfieldProperties properties;

    FirstUsers(UserService users, HounsfieldProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.demo()) {
            createDemoUsers();
        } else if (users.count() == 0) {
            createInitialAdmin(properties.admin().initialPassword());
        }
    }

    private void createDemoUsers() {
        createIfMissing("admin", "Ada Admin", Role.ADMIN);
        createIfMissing("lead", "Lee Lead", Role.LEAD);
        createIfMissing("tech", "Tess Tech", Role.TECHNOLOGIST);
        createIfMissing("student", "Sam Student", Role.STUDENT);
        createIfMissing("radiologist", "Ray Radiologist", Role.RADIOLOGIST);
        createIfMissing("physicist", "Phil Physicist", Role.PHYSICIST);
    }

    private void createIfMissing(String username, String fullName, Role role) {
        if (!users.exists(username)) {
            users.create(new NewUser(username, fullName, role, DEMO_PASSWORD));
        }
    }

    private void createInitialAdmin(String password) {
        if (password == null || password.isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "No user exists and hounsfield.admin.initial-password is not set:"
                    + " nobody can log in. Start once with --hounsfield.admin.initial-password=... to create 'admin'.");
            return;
        }
        users.create(new NewUser("admin", "Administrator", Role.ADMIN, password));
        LOG.log(System.Logger.Level.INFO, "Created user 'admin' from hounsfield.admin.initial-password.");
    }
}
