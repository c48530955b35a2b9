package io.hounsfield.quality.reject;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rejected images, in table {@code quality_rejection}. */
@Repository
public class RejectionRecords {

    /** One rejected image as the analysis counts it. */
    public record Rejected(String sopInstanceUid, String reasonCode, String reason, String comment, String room,
            String bodyPart, String technologist, Instant acquiredAt, Instant rejectedAt, String noteSopInstanceUid) {
    }

    private final JdbcClient jdbc;

    RejectionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String sopInstanceUid) {
        return jdbc.sql("SELECT count(*) FROM quality_rejection WHERE sop_instance_uid = ?").param(sopInstanceUid)
                .query(Long.class).single() > 0;
    }

    public void insert(String studyUid, String seriesUid, String modality, Rejected rejected) {
        jdbc.sql("""
                INSERT INTO quality_rejection (sop_instance_uid, study_instance_uid, series_instance_uid, reason_code,
                    reason, comment, room, modality, body_part, technologist, acquired_at, rejected_at,
                    note_sop_instance_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rejected.sopInstanceUid(), studyUid, seriesUid, rejected.reasonCode(), rejected.reason(),
                        rejected.comment(), rejected.room(), modality, rejected.bodyPart(), rejected.technologist(),
                        Timestamp.from(rejected.acquiredAt()), Timestamp.from(rejected.rejectedAt()),
                        rejected.noteSopInstanceUid()).update();
    }

    public List<Rejected> forStudy(String studyUid) {
        return jdbc.sql("SELECT * FROM quality_rejection WHERE study_instance_uid = ? ORDER BY id")
                .param(studyUid).query(RejectionRecords::row).list();
    }

    public List<Rejected> between(Instant from, Instant to, List<String> modalities) {
        return jdbc.sql("SELECT * FROM quality_rejection WHERE acquired_at >= ? AND acquired_at < ? AND modality IN ("
                + String.join(",", java.util.Collections.nCopies(modalities.size(), "?")) + ") ORDER BY acquired_at")
                .param(Timestamp.from(from)).param(Timestamp.from(to))
                .params(modalities.stream().map(Object.class::cast).toList())
                .query(RejectionRecords::row).list();
    }

    private static Rejected row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Rejected(row.getString("sop_instance_uid"), row.getString("reason_code"), row.getString("reason"),
                row.getString("comment"), row.getString("room"), row.getString("body_part"),
                row.getString("technologist"), row.getTimestamp("acquired_at").toInstant(),
                row.getTimestamp("rejected_at").toInstant(), row.getString("note_sop_instance_uid"));
    }
}
