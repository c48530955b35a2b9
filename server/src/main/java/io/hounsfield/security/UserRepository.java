package io.hounsfield.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** A user as the login needs it: with the password hash. */
    record Credentials(UserAccount account, String passwordHash, int accessVersion) {}

    /** What a running session is checked against on each request. */
    record AccessState(boolean enabled, Role role, int accessVersion, boolean mustChangePassword) {}

    private static final RowMapper<UserAccount> ACCOUNT = (row, number) -> new UserAccount(
            row.getLong("id"),
            row.getString("username"),
            row.getString("full_name"),
            Role.valueOf(row.getString("role")),
            row.getBoolean("enabled"),
            row.getTimestamp("created_at").toInstant(),
            row.getBoolean("must_change_password"));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String fullName, Role role, String passwordHash) {
        return jdbc.sql("""
                INSERT INTO user_account (username, full_name, role, password_hash)
                VALUES (?, ?, ?, ?) RETURNING id""")
                .params(username, fullName, role.name(), passwordHash)
                .query(Long.class)
                .single();
    }

    Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("SELECT * FROM user_account WHERE lower(username) = lower(?)")
                .param(username)
                .query((row, number) -> new Credentials(ACCOUNT.mapRow(row, number), row.getString("password_hash"),
                        row.getInt("access_version")))
                .optional();
    }

    Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT * FROM user_account WHERE id = ?").param(id).query(ACCOUNT).optional();
    }

    List<UserAccount> findAll() {
        return jdbc.sql("SELECT * FROM user_account ORDER BY lower(username)").query(ACCOUNT).list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = lower(?)")
                .param(username).query(Long.class).single() > 0;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
    }

    Optional<AccessState> accessState(long id) {
        return jdbc.sql("SELECT enabled, role, access_version, must_change_password FROM user_account WHERE id = ?")
                .param(id)
                .query((row, number) -> new AccessState(row.getBoolean("enabled"), Role.valueOf(row.getString("role")),
                        row.getInt("access_version"), row.getBoolean("must_change_password")))
                .optional();
    }

    /** Locks the enabled administrators' rows, so that two admins cannot each remove the other at once. */
    List<Long> lockEnabledAdministrators() {
        return jdbc.sql("SELECT id FROM user_account WHERE role = 'ADMIN' AND enabled ORDER BY id FOR UPDATE")
                .query(Long.class).list();
    }

    /** Disabling ends the user's sessions: their access version moves on. */
    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = ?, access_version = access_version + 1 WHERE id = ?")
                .params(enabled, id).update();
    }

    /** A new role ends the user's sessions, so the next request carries the new role. */
    void setRole(long id, Role role) {
        jdbc.sql("UPDATE user_account SET role = ?, access_version = access_version + 1 WHERE id = ?")
                .params(role.name(), id).update();
    }

    /** A new password ends the other sessions and clears an administrator's request for one. @return the new version */
    int setPassword(long id, String passwordHash) {
        return jdbc.sql("""
                UPDATE user_account SET password_hash = ?, must_change_password = FALSE,
                       access_version = access_version + 1
                WHERE id = ? RETURNING access_version""")
                .params(passwordHash, id).query(Integer.class).single();
    }

    void setMustChangePassword(long id, boolean mustChange) {
        jdbc.sql("UPDATE user_account SET must_change_password = ? WHERE id = ?").params(mustChange, id).update();
    }
}
