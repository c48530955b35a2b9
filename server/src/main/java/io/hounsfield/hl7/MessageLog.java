package io.hounsfield.hl7;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inbound messages by sender and control id, with the acknowledgment each got. */
@Repository
class MessageLog {

    private final JdbcClient jdbc;

    MessageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> acknowledgmentFor(String sendingApplication, String controlId) {
        return jdbc.sql("SELECT acknowledgment FROM hl7_message WHERE sending_application = ? AND control_id = ?")
                .params(sendingApplication, controlId).query(String.class).optional();
    }

    void record(String sendingApplication, String controlId, String messageType, String acknowledgmentCode,
            String acknowledgment) {
        jdbc.sql("""
                INSERT INTO hl7_message (sending_application, control_id, message_type, acknowledgment_code, acknowledgment)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(sendingApplication, controlId, messageType, acknowledgmentCode, acknowledgment).update();
    }
}
