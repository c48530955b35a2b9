package io.hounsfield.exam;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds on exams. A lifted hold keeps its row: the mismatch stays on record. */
@Repository
class HoldRepository {

    enum LiftedHow { LEAD_OVERRIDE, ORDER_CORRECTED }

    private final JdbcClient jdbc;
    private final Clock clock;

    HoldRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(long examId, String reason, Laterality expected, String placedBy) {
        jdbc.sql("INSERT INTO exam_hold (exam_id, reason, expected_laterality, placed_by, placed_at) VALUES (?, ?, ?, ?, ?)")
                .params(examId, reason, expected == null ? null : expected.name(), placedBy,
                        Timestamp.from(clock.instant())).update();
    }

    Optional<ExamHold> open(long examId) {
        return jdbc.sql("SELECT * FROM exam_hold WHERE exam_id = ? AND lifted_at IS NULL").param(examId)
                .query((row, number) -> new ExamHold(row.getLong("id"), row.getLong("exam_id"), row.getString("reason"),
                        row.getString("expected_laterality") == null ? null
                                : Laterality.valueOf(row.getString("expected_laterality")),
                        row.getString("placed_by"), row.getTimestamp("placed_at").toInstant()))
                .optional();
    }

    Set<Long> heldAmong(Collection<Long> examIds) {
        return examIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                "SELECT exam_id FROM exam_hold WHERE exam_id IN (:ids) AND lifted_at IS NULL")
                .param("ids", examIds).query(Long.class).list());
    }

    void lift(long holdId, String by, LiftedHow how, String reason) {
        jdbc.sql("""
                UPDATE exam_hold SET lifted_by = ?, lifted_at = ?, lifted_how = ?, lift_reason = ?
                WHERE id = ? AND lifted_at IS NULL""")
                .params(by, Timestamp.from(clock.instant()), how.name(), reason, holdId).update();
    }
}
