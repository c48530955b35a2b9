package io.hounsfield.archive.index;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The study, series and instance tables (V20__archive.sql). */
@Repository
public class ArchiveIndex {
    public static final String INSTANCE_COLUMNS = """
            i.id, st.study_instance_uid, se.series_instance_uid, i.sop_instance_uid, i.sop_class_uid,
            i.transfer_syntax_uid, i.file_path, i.quarantine_reason""";
    public static final String INSTANCE_JOIN = """
            archive_instance i JOIN archive_series se ON se.id = i.series_id
            JOIN archive_study st ON st.id = se.study_id""";
    public static final RowMapper<StoredInstance> INSTANCE = (row, number) -> new StoredInstance(row.getLong("id"),
            row.getString("study_instance_uid"), row.getString("series_instance_uid"),
            row.getString("sop_instance_uid"), row.getString("sop_class_uid"), row.getString("transfer_syntax_uid"),
            row.getString("file_path"), row.getString("quarantine_reason"));

    private final JdbcClient jdbc;

    ArchiveIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes stores of one SOP Instance UID across threads and nodes until the transaction ends (a PostgreSQL
     * transaction-level advisory lock), then answers what is stored under it.
     */
    public Optional<StoredInstance> lockInstance(String sopInstanceUid) {
        jdbc.sql("SELECT pg_advisory_xact_lock(20, hashtext(?))").param(sopInstanceUid).query().singleRow();
        return instance(sopInstanceUid);
    }

    /**
     * {@link #lockInstance}, and in the same statement lets this transaction's commit return before its WAL record is
     * on disk: safe for ingest only, as the instance is durable in the store first, and after a crash that loses such
     * a commit, recovery indexes it again; what an association stored is flushed before it is released
     * ({@link #flushCommits}).
     */
    public Optional<StoredInstance> lockInstanceForIngest(String sopInstanceUid) {
        jdbc.sql("SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(20, hashtext(?))")
                .param(sopInstanceUid).query().singleRow();
        return instance(sopInstanceUid);
    }

    /**
     * The common case of ingest in one statement: {@link #lockInstanceForIngest}'s lock and setting, and the row of an
     * instance not indexed yet whose study and series rows {@code known} holds with these values; returns whether it
     * was new (if not, nothing changed and the caller takes the way of a resend). The unique key's conflict check
     * sees rows committed after the statement began, so the lock taken within it still guards it.
     */
    public boolean indexNewInstance(IndexEntry entry, String quarantineReason, IndexedRows known) {
        Long studyId = known.study(entry.study());
        Long seriesId = studyId == null ? null : known.series(studyId, entry.series());
        if (seriesId == null) {
            return false;
        }
        IndexEntry.Instance instance = entry.instance();
        return jdbc.sql("""
                WITH ingest AS (SELECT pg_advisory_xact_lock(20, hashtext(?)),
                    set_config('synchronous_commit', 'off', true))
                INSERT INTO archive_instance (series_id, sop_instance_uid, sop_class_uid, instance_number,
                    transfer_syntax_uid, file_path, file_size, source_ae_title, quarantine_reason, image_rows,
                    image_columns, number_of_frames, bits_allocated)
                SELECT ?::bigint, ?::varchar, ?::varchar, ?::integer, ?::varchar, ?::varchar, ?::bigint, ?::varchar,
                    ?::varchar, ?::integer, ?::integer, ?::integer, ?::integer FROM ingest
                ON CONFLICT (sop_instance_uid) DO NOTHING""")
                .params(instance.sopInstanceUid(), seriesId, instance.sopInstanceUid(), instance.sopClassUid(),
                        instance.instanceNumber(), instance.transferSyntaxUid(), instance.filePath(),
                        instance.fileSize(), instance.sourceAeTitle(), quarantineReason, instance.rows(),
                        instance.columns(), instance.numberOfFrames(), instance.bitsAllocated())
                .update() == 1;
    }

    /** Waits until every commit so far is on disk: a transaction with an id commits synchronously, WAL in order. */
    public void flushCommits() {
        jdbc.sql("SELECT pg_current_xact_id()").query().singleValue();
    }

    /** When the database server started: a change means it restarted, and may have lost unflushed commits. */
    public OffsetDateTime databaseStartedAt() {
        return jdbc.sql("SELECT pg_postmaster_start_time()").query(OffsetDateTime.class).single();
    }

    public Optional<StoredInstance> instance(String sopInstanceUid) {
        return jdbc.sql("SELECT " + INSTANCE_COLUMNS + " FROM " + INSTANCE_JOIN + " WHERE i.sop_instance_uid = ?")
                .param(sopInstanceUid).query(INSTANCE).optional();
    }

    public List<StoredInstance> instancesOfStudy(String studyInstanceUid) {
        return jdbc.sql("SELECT " + INSTANCE_COLUMNS + " FROM " + INSTANCE_JOIN
                + " WHERE st.study_instance_uid = ? ORDER BY se.series_number, i.instance_number, i.id")
                .param(studyInstanceUid).query(INSTANCE).list();
    }

    public boolean containsFile(String filePath) {
        return jdbc.sql("SELECT count(*) FROM archive_instance WHERE file_path = ?").param(filePath)
                .query(Long.class).single() > 0;
    }

    /** Deletes the series, and then its study, if no instance is left in it (after a replace moved one away). */
    public void removeIfEmpty(String seriesInstanceUid) {
        Long studyId = jdbc.sql("""
                DELETE FROM archive_series se WHERE se.series_instance_uid = ?
                    AND NOT EXISTS (SELECT 1 FROM archive_instance i WHERE i.series_id = se.id)
                RETURNING se.study_id""").param(seriesInstanceUid).query(Long.class).optional().orElse(null);
        if (studyId != null) {
            jdbc.sql("""
                    DELETE FROM archive_study st WHERE st.id = ?
                        AND NOT EXISTS (SELECT 1 FROM archive_series se WHERE se.study_id = st.id)""")
                    .param(studyId).update();
        }
    }

    /**
     * Adds or updates the study, series and instance rows. The study and series rows are written only when
     * {@code known} does not hold them already with these values; once the transaction committed, the caller tells
     * {@code known} of the rows returned ({@link IndexedRows#wrote}), so that no other thread uses a row not yet
     * visible to it.
     */
    public IndexedRows.Written index(IndexEntry entry, String quarantineReason, IndexedRows known) {
        Long knownStudy = known.study(entry.study());
        long studyId = knownStudy != null ? knownStudy : upsertStudy(entry.study());
        Long knownSeries = known.series(studyId, entry.series());
        long seriesId = knownSeries != null ? knownSeries : upsertSeries(studyId, entry.series());
        IndexEntry.Instance instance = entry.instance();
        jdbc.sql("""
                INSERT INTO archive_instance (series_id, sop_instance_uid, sop_class_uid, instance_number,
                    transfer_syntax_uid, file_path, file_size, source_ae_title, quarantine_reason, image_rows,
                    image_columns, number_of_frames, bits_allocated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sop_instance_uid) DO UPDATE SET series_id = EXCLUDED.series_id,
                    sop_class_uid = EXCLUDED.sop_class_uid, instance_number = EXCLUDED.instance_number,
                    transfer_syntax_uid = EXCLUDED.transfer_syntax_uid, file_path = EXCLUDED.file_path,
                    file_size = EXCLUDED.file_size, source_ae_title = EXCLUDED.source_ae_title,
                    quarantine_reason = EXCLUDED.quarantine_reason, image_rows = EXCLUDED.image_rows,
                    image_columns = EXCLUDED.image_columns, number_of_frames = EXCLUDED.number_of_frames,
                    bits_allocated = EXCLUDED.bits_allocated, stored_at = now(),
                    rejected_at = NULL, rejected_by = NULL""")
                .params(seriesId, instance.sopInstanceUid(), instance.sopClassUid(), instance.instanceNumber(),
                        instance.transferSyntaxUid(), instance.filePath(), instance.fileSize(),
                        instance.sourceAeTitle(), quarantineReason, instance.rows(), instance.columns(),
                        instance.numberOfFrames(), instance.bitsAllocated())
                .update();
        return new IndexedRows.Written(entry, studyId, seriesId);
    }

    private long upsertStudy(IndexEntry.Study study) {
        return jdbc.sql("""
                INSERT INTO archive_study (study_instance_uid, patient_id, issuer_of_patient_id, patient_name,
                    patient_birth_date, patient_sex, study_date, study_time, accession_number, study_id,
                    study_description, referring_physician_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (study_instance_uid) DO UPDATE SET patient_id = EXCLUDED.patient_id,
                    issuer_of_patient_id = EXCLUDED.issuer_of_patient_id, patient_name = EXCLUDED.patient_name,
                    patient_birth_date = EXCLUDED.patient_birth_date, patient_sex = EXCLUDED.patient_sex,
                    study_date = EXCLUDED.study_date, study_time = EXCLUDED.study_time,
                    accession_number = EXCLUDED.accession_number, study_id = EXCLUDED.study_id,
                    study_description = EXCLUDED.study_description,
                    referring_physician_name = EXCLUDED.referring_physician_name, updated_at = now()
                RETURNING id""")
                .params(study.studyInstanceUid(), study.patientId(), study.issuerOfPatientId(), study.patientName(),
                        study.patientBirthDate(), study.patientSex(), study.studyDate(), study.studyTime(),
                        study.accessionNumber(), study.studyId(), study.studyDescription(),
                        study.referringPhysicianName())
                .query(Long.class).single();
    }

    private long upsertSeries(long studyId, IndexEntry.Series series) {
        return jdbc.sql("""
                INSERT INTO archive_series (study_id, series_instance_uid, modality, series_number,
                    series_description, body_part_examined, series_date, series_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (series_instance_uid) DO UPDATE SET study_id = EXCLUDED.study_id,
                    modality = EXCLUDED.modality, series_number = EXCLUDED.series_number,
                    series_description = EXCLUDED.series_description,
                    body_part_examined = EXCLUDED.body_part_examined, series_date = EXCLUDED.series_date,
                    series_time = EXCLUDED.series_time
                RETURNING id""")
                .params(studyId, series.seriesInstanceUid(), series.modality(), series.seriesNumber(),
                        series.seriesDescription(), series.bodyPartExamined(), series.seriesDate(),
                        series.seriesTime())
                .query(Long.class).single();
    }
}
