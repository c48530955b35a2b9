package io.hounsfield.workstation;

import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's rows for a day in one query. The board is read every few seconds by every workstation, so it
 * reads the exam, hold, patient, catalog and transport tables together here instead of asking each feature per
 * exam (500 exams: one query instead of about 2,000). It only reads; every change goes through the services.
 */
@Repository
class BoardQuery {

    private final JdbcClient jdbc;

    BoardQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BoardRow> between(Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                SELECT e.*, p.family_name, p.given_name, p.temporary,
                       (SELECT i.value FROM patient_identifier i WHERE i.patient_id = p.id
                        ORDER BY i.kind = 'MERGED', i.kind, i.issuer LIMIT 1) AS identifier,
                       t.name AS procedure_name, t.modality, t.contrast AS contrast_procedure, x.status AS transport,
                       (SELECT max(s.at) FROM exam_transition s WHERE s.exam_id = e.id AND s.to_state = 'ARRIVED')
                           AS arrived_at,
                       (SELECT h.reason FROM exam_hold h WHERE h.exam_id = e.id AND h.lifted_at IS NULL
                          AND e.state IN ('SCHEDULED', 'ARRIVED', 'VERIFIED')) AS hold_reason
                FROM exam e
                JOIN patient p ON p.id = e.patient_id
                JOIN procedure_type t ON t.code = e.procedure_code
                LEFT JOIN exam_transport x ON x.exam_id = e.id
                WHERE e.scheduled_start >= ? AND e.scheduled_start < ?""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((row, number) -> row(row, now))
                .list();
    }

    private static BoardRow row(ResultSet row, Instant now) throws SQLException {
        ExamState state = ExamState.valueOf(row.getString("state"));
        Timestamp arrived = row.getTimestamp("arrived_at");
        Duration waiting = arrived != null && (state == ExamState.ARRIVED || state == ExamState.VERIFIED)
                ? Duration.between(arrived.toInstant(), now) : null;
        String given = row.getString("given_name");
        String family = row.getString("family_name").toUpperCase();
        return new BoardRow(exam(row), given == null ? family : family + ", " + given, row.getString("identifier"),
                row.getBoolean("temporary"), row.getString("procedure_name"), row.getString("modality"), waiting,
                row.getString("transport") == null ? null : TransportStatus.valueOf(row.getString("transport")),
                row.getString("hold_reason"), row.getBoolean("contrast_procedure"), List.of(), null);
    }

    private static Exam exam(ResultSet row) throws SQLException {
        Timestamp start = row.getTimestamp("scheduled_start");
        Timestamp end = row.getTimestamp("scheduled_end");
        return new Exam(row.getLong("id"), (Long) row.getObject("order_id"), row.getLong("patient_id"),
                row.getString("accession_number"), row.getString("study_instance_uid"), row.getString("procedure_code"),
                row.getString("laterality") == null ? null : Laterality.valueOf(row.getString("laterality")),
                Priority.valueOf(row.getString("priority")), ExamState.valueOf(row.getString("state")),
                row.getString("station_ae_title"), start == null ? null : start.toInstant(),
                end == null ? null : end.toInstant());
    }
}
