package io.hounsfield.hl7;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Outbound messages waiting to be sent, oldest first. */
@Repository
class Outbox {

    record Pending(long id, String messageType, String message, int attempts) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(String messageType, String message) {
        jdbc.sql("INSERT INTO hl7_outbox (message_type, message) VALUES (?, ?)").params(messageType, message).update();
    }

    /** The oldest unsent message, if it is due: later ones wait behind it so that order is kept. */
    Optional<Pending> nextDue(Instant now) {
        return jdbc.sql("""
                SELECT id, message_type, message, attempts, next_attempt_at FROM hl7_outbox
                WHERE sent_at IS NULL ORDER BY id LIMIT 1""")
                .query((row, number) -> row.getTimestamp("next_attempt_at").toInstant().isAfter(now) ? null
                        : new Pending(row.getLong("id"), row.getString("message_type"), row.getString("message"),
                                row.getInt("attempts")))
                .optional();
    }

    void markSent(long id) {
        jdbc.sql("UPDATE hl7_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .param(id).update();
    }

    void markFailed(long id, String error, Instant nextAttempt) {
        jdbc.sql("UPDATE hl7_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(nextAttempt), id)
                .update();
    }

    long unsent() {
        return jdbc.sql("SELECT count(*) FROM hl7_outbox WHERE sent_at IS NULL").query(Long.class).single();
    }
}
