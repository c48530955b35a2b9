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
    public record Rejected(String sopInstanceUid, String studyInstanceUid, String reasonCode, String reason, String comment, String room,
            String bodyPart, String technologist, Instant acquiredAt, Instant rejectedAt, String noteSopInstanceUid,
            String repeatSopInstanceUid) {
    }

    private final JdbcClient jdbc;

    RejectionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String sopInstanceUid) {
        return jdbc.sql("SELECT count(*) FROM quality_rejection WHERE sop_instance_uid = ?").param(sopInstanceUid)
                .query(Long.class).single() > 0;
    }

    public void insert(String seriesUid, String modality, Rejected rejected) {
        jdbc.sql("""
                INSERT INTO quality_rejection (sop_instance_uid, study_instance_uid, series_instance_uid, reason_code,
                    reason, comment, room, modality, body_part, technologist, acquired_at, rejected_at,
                    note_sop_instance_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(rejected.sopInstanceUid(), rejected.studyInstanceUid(), seriesUid, rejected.reasonCode(), rejected.reason(),
                        rejected.comment(), rejected.room(), modality, rejected.bodyPart(), rejected.technologist(),
                        Timestamp.from(rejected.acquiredAt()), Timestamp.from(rejected.rejectedAt()),
                        rejected.noteSopInstanceUid()).update();
    }

    /**
     * Links {@code sopInstanceUid} as the repeat of the study's oldest rejected image that has none, if it was
     * stored after the rejected image and is not itself rejected (AAPM TG-305: whether the image was repeated).
     */
    public void linkRepeat(String studyUid, String sopInstanceUid, Instant storedAt) {
        jdbc.sql("""
                UPDATE quality_rejection SET repeat_sop_instance_uid = ? WHERE id = (
                    SELECT id FROM quality_rejection WHERE study_instance_uid = ? AND repeat_sop_instance_uid IS NULL
                    AND acquired_at < ? AND sop_instance_uid <> ?
                    AND NOT EXISTS (SELECT 1 FROM quality_rejection r WHERE r.repeat_sop_instance_uid = ?)
                    AND NOT EXISTS (SELECT 1 FROM quality_rejection r WHERE r.sop_instance_uid = ?)
                    ORDER BY id LIMIT 1)""")
                .params(sopInstanceUid, studyUid, Timestamp.from(storedAt), sopInstanceUid, sopInstanceUid,
                        sopInstanceUid).update();
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
        return new Rejected(row.getString("sop_instance_uid"), row.getString("study_instance_uid"),
                row.getString("reason_code"), row.getString("reason"), row.getString("comment"), row.getString("room"), row.getString("body_part"),
                row.getString("technologist"), row.getTimestamp("acquired_at").toInstant(),
                row.getTimestamp("rejected_at").toInstant(), row.getString("note_sop_instance_uid"),
                row.getString("repeat_sop_instance_uid"));
    }
}
