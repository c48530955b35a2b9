package io.hounsfield.dose;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versioned table of dose check levels (V49__dose.sql), and the reasons given when one was exceeded. */
@Repository
class DoseLevels {
    private static final RowMapper<DoseLevel> LEVEL = (row, number) -> new DoseLevel(row.getLong("id"),
            row.getString("level_key"), row.getInt("version"), row.getString("description"),
            strings(row.getArray("body_parts")), row.getInt("age_from_years"),
            (Integer) row.getObject("age_below_years"), row.getString("phantom"), row.getString("kind"),
            row.getString("metric"), row.getDouble("value"), row.getString("unit"),
            (Integer) row.getObject("window_months"), row.getString("source"), row.getString("edition"),
            row.getString("confidence"), row.getString("changed_by"), row.getTimestamp("changed_at").toInstant(),
            row.getString("change_note"), row.getBoolean("current"));

    /** A reason recorded for an exam. */
    record Reason(String exceeded, String reason, String recordedBy, Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    DoseLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DoseLevel> current() {
        return jdbc.sql("SELECT * FROM dose_check_level WHERE current ORDER BY kind DESC, description")
                .query(LEVEL).list();
    }

    /** Every version, newest first per level. */
    List<DoseLevel> versions() {
        return jdbc.sql("SELECT * FROM dose_check_level ORDER BY level_key, version DESC").query(LEVEL).list();
    }

    Optional<DoseLevel> currentOf(String key) {
        return jdbc.sql("SELECT * FROM dose_check_level WHERE current AND level_key = ? FOR UPDATE").param(key)
                .query(LEVEL).optional();
    }

    /** Retires the current version of {@code level} and adds one with the new value, source and edition. */
    void change(DoseLevel level, double value, String source, String edition, String note, String by,
            Instant at) {
        jdbc.sql("UPDATE dose_check_level SET current = FALSE WHERE id = ?").param(level.id()).update();
        jdbc.sql("""
                INSERT INTO dose_check_level (level_key, version, description, body_parts, age_from_years,
                    age_below_years, phantom, kind, metric, value, unit, window_months, source, edition, confidence,
                    changed_by, changed_at, change_note)
                SELECT level_key, version + 1, description, body_parts, age_from_years, age_below_years, phantom, kind,
                    metric, ?, unit, window_months, ?, ?, 'L', ?, ?, ? FROM dose_check_level WHERE id = ?""")
                .params(value, source, edition, by, Timestamp.from(at), note, level.id()).update();
    }

    void recordReason(long examId, String exceeded, String reason, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO dose_exceeded_reason (exam_id, exceeded, reason, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""").params(examId, exceeded, reason, by, Timestamp.from(at)).update();
    }

    Optional<Reason> lastReason(long examId) {
        return jdbc.sql("""
                SELECT * FROM dose_exceeded_reason WHERE exam_id = ? ORDER BY recorded_at DESC, id DESC LIMIT 1""")
                .param(examId).query((ResultSet row, int number) -> new Reason(row.getString("exceeded"),
                        row.getString("reason"), row.getString("recorded_by"),
                        row.getTimestamp("recorded_at").toInstant())).optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
