package io.hounsfield.workstation;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The screens per exam whose last answer has no decision yet. Whether that answer needs a decision at all
 * is {@link CockpitRecords.Screening#positive()}'s rule, applied by the caller on the screening itself.
 */
@Repository
class PendingDecisions {

    /** Enough for any department's open cases; older undecided answers are of finished exams. */
    private static final int LIMIT = 500;

    record Undecided(long examId, Screen screen, Instant answeredAt) {}

    private final JdbcClient jdbc;

    PendingDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Undecided> undecided() {
        return jdbc.sql("""
                SELECT * FROM (SELECT DISTINCT ON (exam_id, kind) exam_id, kind, answered_at, decision
                               FROM exam_screening ORDER BY exam_id, kind, id DESC) latest
                WHERE decision IS NULL ORDER BY answered_at DESC LIMIT ?""")
                .param(LIMIT)
                .query((row, number) -> new Undecided(row.getLong("exam_id"), Screen.valueOf(row.getString("kind")),
                        row.getTimestamp("answered_at").toInstant()))
                .list();
    }
}
