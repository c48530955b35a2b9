package io.hounsfield.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** A user as the login needs it: with the password hash. */
    record Credentials(UserAccount account, String passwordHash) {}

    private static final RowMapper<UserAccount> ACCOUNT = (row, number) -> new UserAccount(
            row.getLong("id"),
            row.getString("username"),
            row.getString("full_name"),
            Role.valueOf(row.getString("role")),
            row.getBoolean("enabled"),
            row.getTimestamp("created_at").toInstant());

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
                .query((row, number) -> new Credentials(ACCOUNT.mapRow(row, number), row.getString("password_hash")))
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

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = ? WHERE id = ?").params(enabled, id).update();
    }
}
