package io.hounsfield.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, String role, String subject, String patientId, String message, String link, String by) {
        jdbc.sql("""
                INSERT INTO notification (created_at, role, subject, patient_id, message, link, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), role, subject, patientId, message, link, by).update();
    }

    List<Notification> open(Collection<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM notification WHERE acknowledged_at IS NULL AND role IN (:roles)
                ORDER BY created_at DESC, id DESC LIMIT 200""")
                .param("roles", roles).query(NotificationRepository::map).list();
    }

    List<Notification> forSubject(String subject) {
        return jdbc.sql("SELECT * FROM notification WHERE subject = ? ORDER BY id").param(subject)
                .query(NotificationRepository::map).list();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = ?").param(id).query(NotificationRepository::map)
                .optional();
    }

    Optional<String> patientOf(long id) {
        return jdbc.sql("SELECT patient_id FROM notification WHERE id = ?").param(id).query(String.class).optional();
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE notification SET acknowledged_by = ?, acknowledged_at = ?
                WHERE id = ? AND acknowledged_at IS NULL""")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    private static Notification map(ResultSet row, int number) throws SQLException {
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new Notification(row.getLong("id"), row.getTimestamp("created_at").toInstant(), row.getString("role"),
                row.getString("subject"), row.getString("message"), row.getString("link"),
                row.getString("created_by"), row.getString("acknowledged_by"),
                acknowledged == null ? null : acknowledged.toInstant());
    }
}
