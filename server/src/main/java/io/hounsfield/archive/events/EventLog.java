package io.hounsfield.archive.events;

import io.hounsfield.archive.InstanceStored;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox tables (V46__archive_events.sql): events, their numbering, consumers' positions, active studies. */
@Repository
class EventLog {
    /** Numbering is one step at a time across threads and servers sharing the database (advisory lock key). */
    private static final int NUMBERING_LOCK = 21;
    private static final String CHANGE_COLUMNS = """
            seq, kind, created_at, study_instance_uid, coalesce(series_instance_uid, '') AS series_instance_uid,
            coalesce(sop_instance_uid, '') AS sop_instance_uid, accession_number, source_ae_title, quarantined""";
    private static final RowMapper<Change> CHANGE = (row, number) -> new Change(row.getLong("seq"),
            Change.Type.valueOf(row.getString("kind")), row.getTimestamp("created_at").toInstant(),
            row.getString("study_instance_uid"), row.getString("series_instance_uid"),
            row.getString("sop_instance_uid"), row.getString("accession_number"), row.getString("source_ae_title"),
            row.getBoolean("quarantined"));

    /** A consumer's place: the last seq it took, and how many times in a row it has failed since. */
    record Position(long seq, int attempts) {}

    private final JdbcClient jdbc;

    EventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One INSERT, no answer read back: it runs in every ingest transaction. */
    void append(InstanceStored stored) {
        jdbc.sql("""
                INSERT INTO archive_event (kind, study_instance_uid, series_instance_uid, sop_instance_uid,
                    accession_number, source_ae_title, quarantined)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Change.Type.InstanceStored.name(), stored.studyInstanceUid(), stored.seriesInstanceUid(),
                        stored.sopInstanceUid(), nullToEmpty(stored.accessionNumber()),
                        nullToEmpty(stored.sourceAeTitle()), stored.quarantined())
                .update();
    }

    /**
     * Numbers the committed events that have no number yet, oldest first; call it in a transaction of its own. The
     * lock makes one numbering wait for the one before to commit, so numbers become visible in order, without gaps
     * a reader could pass by.
     */
    int numberNewEvents(int batch) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, 0)").param(NUMBERING_LOCK).query().singleRow();
        return jdbc.sql("""
                UPDATE archive_event e SET seq = numbered.seq
                FROM (SELECT id, nextval('archive_event_seq') AS seq
                      FROM (SELECT id FROM archive_event WHERE seq IS NULL ORDER BY id LIMIT ?) oldest
                      ORDER BY id) numbered
                WHERE e.id = numbered.id""").param(batch).update();
    }

    /** The numbered events after {@code seq}, in order. */
    List<Change> after(long seq, int limit) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM archive_event WHERE seq > ? ORDER BY seq LIMIT ?")
                .params(seq, limit).query(CHANGE).list();
    }

    /** The patient columns of the studies named, as {@code ArchiveAudit.patients} reads them. */
    List<java.util.Map<String, Object>> patientsOf(java.util.Collection<String> studyInstanceUids) {
        if (studyInstanceUids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT patient_id, issuer_of_patient_id FROM archive_study
                WHERE study_instance_uid IN (:studies)""").param("studies", studyInstanceUids).query().listOfRows();
    }

    /** Whether an event is numbered after {@code seq}. */
    boolean anyAfter(long seq) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM archive_event WHERE seq > ?)").param(seq)
                .query(Boolean.class).single();
    }

    /** A consumer not seen before starts before the first event. */
    void register(String consumer) {
        jdbc.sql("INSERT INTO archive_event_consumer (name) VALUES (?) ON CONFLICT DO NOTHING").param(consumer)
                .update();
    }

    /**
     * The consumer's position, locked until the transaction ends, if it is due: not waiting out a pause after a
     * failure, and not being delivered to by another thread or server now.
     */
    Optional<Position> lockIfDue(String consumer) {
        return jdbc.sql("""
                SELECT position, attempts FROM archive_event_consumer
                WHERE name = ? AND next_attempt_at <= now() FOR UPDATE SKIP LOCKED""").param(consumer)
                .query((row, number) -> new Position(row.getLong("position"), row.getInt("attempts"))).optional();
    }

    void delivered(String consumer, long seq) {
        jdbc.sql("""
                UPDATE archive_event_consumer SET position = ?, attempts = 0, last_error = NULL,
                    next_attempt_at = now(), updated_at = now() WHERE name = ?""").params(seq, consumer).update();
    }

    /** The consumer took the events up to {@code seq}, then failed on the next: it waits {@code pause}. */
    void failed(String consumer, long seq, String error, Duration pause) {
        jdbc.sql("""
                UPDATE archive_event_consumer SET position = ?, attempts = attempts + 1, last_error = ?,
                    next_attempt_at = clock_timestamp() + ? * interval '1 millisecond', updated_at = now()
                WHERE name = ?""")
                .params(seq, error.length() > 500 ? error.substring(0, 500) : error, pause.toMillis(), consumer)
                .update();
    }

    /** The study received an instance at {@code storedAt}: it quiesces a quiet period after its latest one. */
    void markActive(String studyInstanceUid, String accessionNumber, Instant storedAt) {
        jdbc.sql("""
                INSERT INTO archive_event_active_study (study_instance_uid, accession_number, last_stored_at)
                VALUES (?, ?, ?)
                ON CONFLICT (study_instance_uid) DO UPDATE SET
                    accession_number = CASE WHEN EXCLUDED.last_stored_at >= archive_event_active_study.last_stored_at
                        THEN EXCLUDED.accession_number ELSE archive_event_active_study.accession_number END,
                    last_stored_at = greatest(archive_event_active_study.last_stored_at, EXCLUDED.last_stored_at)""")
                .params(studyInstanceUid, accessionNumber, Timestamp.from(storedAt)).update();
    }

    /** Records {@code StudyQuiesced} for each active study quiet for {@code quietPeriod}, which is no longer active. */
    int appendQuietStudies(Duration quietPeriod) {
        return jdbc.sql("""
                WITH quiet AS (
                    DELETE FROM archive_event_active_study
                    WHERE last_stored_at <= now() - ? * interval '1 millisecond'
                    RETURNING study_instance_uid, accession_number, last_stored_at)
                INSERT INTO archive_event (kind, study_instance_uid, accession_number)
                SELECT ?, study_instance_uid, accession_number FROM quiet ORDER BY last_stored_at""")
                .params(quietPeriod.toMillis(), Change.Type.StudyQuiesced.name()).update();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
