package io.hounsfield.dose;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exceeded dose check levels (dose_alert, V49__dose.sql): one row per exam and level. */
@Repository
class DoseAlerts {
    /** NCRP Report 168 §4: contact the patient at about 30 days after a substantial radiation dose level. */
    private static final Duration CONTACT_AFTER = Duration.ofDays(30);

    private static final RowMapper<DoseAlert> ALERT = (row, number) -> {
        Instant raised = row.getTimestamp("raised_at").toInstant();
        Timestamp followedUp = row.getTimestamp("followed_up_at");
        return new DoseAlert(row.getLong("id"), row.getLong("exam_id"), row.getString("accession_number"),
                row.getString("level_key"), row.getString("finding"), raised,
                "FOLLOW_UP".equals(row.getString("kind")) ? raised.plus(CONTACT_AFTER) : null,
                row.getString("followed_up_by"), followedUp == null ? null : followedUp.toInstant(),
                row.getString("follow_up"));
    };
    private static final String SELECT = """
            SELECT a.*, e.accession_number, l.kind FROM dose_alert a JOIN exam e ON e.id = a.exam_id
            LEFT JOIN dose_check_level l ON l.level_key = a.level_key AND l.current""";

    private final JdbcClient jdbc;

    DoseAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the exceeded level once per exam; whether this call was the first. */
    boolean raise(long examId, String levelKey, String finding, Instant at) {
        return jdbc.sql("""
                INSERT INTO dose_alert (exam_id, level_key, finding, raised_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (exam_id, level_key) DO NOTHING""")
                .params(examId, levelKey, finding, Timestamp.from(at)).update() == 1;
    }

    List<DoseAlert> open() {
        return jdbc.sql(SELECT + " WHERE a.followed_up_at IS NULL ORDER BY a.raised_at, a.id").query(ALERT).list();
    }

    /** The ones followed up since {@code since}, newest first. */
    List<DoseAlert> followedUpSince(Instant since) {
        return jdbc.sql(SELECT + " WHERE a.followed_up_at >= ? ORDER BY a.followed_up_at DESC, a.id DESC")
                .param(Timestamp.from(since)).query(ALERT).list();
    }

    List<DoseAlert> ofExam(long examId) {
        return jdbc.sql(SELECT + " WHERE a.exam_id = ? ORDER BY a.raised_at, a.id").param(examId).query(ALERT).list();
    }

    Optional<DoseAlert> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(ALERT).optional();
    }

    /** Closes an open alert; whether it was open. */
    boolean followUp(long id, String what, String by, Instant at) {
        return jdbc.sql("""
                UPDATE dose_alert SET follow_up = ?, followed_up_by = ?, followed_up_at = ?
                WHERE id = ? AND followed_up_at IS NULL""").params(what, by, Timestamp.from(at), id).update() == 1;
    }
}
