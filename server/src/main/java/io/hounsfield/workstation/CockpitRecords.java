package io.hounsfield.workstation;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verification, screening and documentation rows of the exam cockpit. */
@Repository
class CockpitRecords {

    record Verification(String recordedBy, Instant recordedAt, String identifiers, String outcome, String mismatchReason) {}

    /** The last answer to a screen, with the decision on it if one was needed. */
    record Screening(Screen screen, String answer, String method, String answeredBy, String decision,
            String decidedBy) {

        public boolean positive() {
            return screen.positive(answer);
        }
    }

    private final JdbcClient jdbc;

    CockpitRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordVerification(long examId, String by, String identifiers, boolean procedureConfirmed, String outcome,
            String mismatchReason) {
        jdbc.sql("""
                INSERT INTO exam_verification (exam_id, recorded_by, identifiers, procedure_confirmed, outcome,
                                               mismatch_reason)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(examId, by, identifiers, procedureConfirmed, outcome, mismatchReason).update();
    }

    Optional<Verification> lastVerification(long examId) {
        return jdbc.sql("SELECT * FROM exam_verification WHERE exam_id = ? ORDER BY id DESC LIMIT 1").param(examId)
                .query((row, number) -> new Verification(row.getString("recorded_by"),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("identifiers"),
                        row.getString("outcome"), row.getString("mismatch_reason")))
                .optional();
    }

    void recordScreen(long examId, Screen screen, String answer, String method, String by) {
        jdbc.sql("INSERT INTO exam_screening (exam_id, kind, answer, method, answered_by) VALUES (?, ?, ?, ?, ?)")
                .params(examId, screen.name(), answer, method, by).update();
    }

    Optional<Screening> lastScreen(long examId, Screen screen) {
        return jdbc.sql("SELECT * FROM exam_screening WHERE exam_id = ? AND kind = ? ORDER BY id DESC LIMIT 1")
                .params(examId, screen.name())
                .query((row, number) -> new Screening(screen, row.getString("answer"), row.getString("method"),
                        row.getString("answered_by"), row.getString("decision"), row.getString("decided_by")))
                .optional();
    }

    void recordDecision(long examId, Screen screen, String decision, String by) {
        jdbc.sql("""
                UPDATE exam_screening SET decision = ?, decided_by = ?, decided_at = now()
                WHERE id = (SELECT max(id) FROM exam_screening WHERE exam_id = ? AND kind = ?)""")
                .params(decision, by, examId, screen.name()).update();
    }

    void recordDocumentation(long examId, String performing, String supervising, String notes) {
        jdbc.sql("""
                INSERT INTO exam_documentation (exam_id, performing_technologist, supervising_technologist, notes)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET performing_technologist = EXCLUDED.performing_technologist,
                    supervising_technologist = EXCLUDED.supervising_technologist, notes = EXCLUDED.notes,
                    recorded_at = now()""")
                .params(examId, performing, supervising, notes).update();
    }

    void recordTransport(long examId, TransportStatus status, String by) {
        jdbc.sql("""
                INSERT INTO exam_transport (exam_id, status, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET status = EXCLUDED.status, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
                .params(examId, status.name(), by).update();
    }

    Optional<TransportStatus> transport(long examId) {
        return jdbc.sql("SELECT status FROM exam_transport WHERE exam_id = ?").param(examId).query(String.class)
                .optional().map(TransportStatus::valueOf);
    }

    void recordTimeOut(long examId, String participants, String siteMark, boolean imagingDisplayed, String by) {
        jdbc.sql("""
                INSERT INTO exam_time_out (exam_id, participants, site_mark, imaging_displayed, recorded_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET participants = EXCLUDED.participants,
                    site_mark = EXCLUDED.site_mark, imaging_displayed = EXCLUDED.imaging_displayed,
                    recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                .params(examId, participants, siteMark, imagingDisplayed, by).update();
    }

    Optional<String> timeOutBy(long examId) {
        return jdbc.sql("SELECT recorded_by FROM exam_time_out WHERE exam_id = ?").param(examId).query(String.class)
                .optional();
    }

    Optional<String> notes(long examId) {
        return jdbc.sql("SELECT notes FROM exam_documentation WHERE exam_id = ?").param(examId).query(String.class)
                .optional();
    }
}
