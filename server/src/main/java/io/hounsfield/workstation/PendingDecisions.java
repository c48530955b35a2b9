package io.hounsfield.workstation;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The last answer of each screen per exam that has no decision yet. Whether the answer is positive, and
 * so needs a decision at all, is the {@link Screen}'s rule, applied by the caller.
 */
@Repository
class PendingDecisions {

    /** Enough for any department's open cases; older undecided answers are of finished exams. */
    private static final int LIMIT = 500;

    record Undecided(long examId, Screen screen, String answer, String method, String answeredBy, Instant answeredAt) {}

    private final JdbcClient jdbc;

    PendingDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Undecided> undecided() {
        return jdbc.sql("""
                SELECT * FROM (SELECT DISTINCT ON (exam_id, kind) exam_id, kind, answer, method, answered_by,
                                      answered_at, decision
                               FROM exam_screening ORDER BY exam_id, kind, id DESC) latest
                WHERE decision IS NULL ORDER BY answered_at DESC LIMIT ?""")
                .param(LIMIT)
                .query((row, number) -> new Undecided(row.getLong("exam_id"), Screen.valueOf(row.getString("kind")),
                        row.getString("answer"), row.getString("method"), row.getString("answered_by"),
                        row.getTimestamp("answered_at").toInstant()))
                .list();
    }
}
