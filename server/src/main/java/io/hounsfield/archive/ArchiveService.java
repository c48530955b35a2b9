package io.hounsfield.archive;

import io.hounsfield.archive.ingest.WebStore;
import io.hounsfield.archive.pages.StudyBrowser;
import io.hounsfield.archive.quarantine.QuarantineResolution;
import io.hounsfield.archive.quarantine.QuarantineReview;
import io.hounsfield.archive.query.WebQueries;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.system.Count;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The image archive's API for the rest of Hounsfield: what is stored, and what waits in quarantine. */
@Service
public class ArchiveService {
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final StudyBrowser browser;
    private final QuarantineResolution resolution;
    private final WebQueries webQueries;
    private final WebStore webStore;
    private final QuarantineReview review;
    private final Duration rejectedGrace;

    ArchiveService(JdbcClient jdbc, AuditService audit, StudyBrowser browser, QuarantineResolution resolution,
            WebQueries webQueries, WebStore webStore, QuarantineReview review,
            @Value("${hounsfield.archive.rejected-grace:7d}") Duration rejectedGrace) {
        this.review = review;
        this.rejectedGrace = rejectedGrace;
        this.jdbc = jdbc;
        this.audit = audit;
        this.browser = browser;
        this.resolution = resolution;
        this.webQueries = webQueries;
        this.webStore = webStore;
    }

    /**
     * The visible matches of a query at {@code level}, as C-FIND answers it (PS3.4 §C.4.1.1.3): {@code keys} holds
     * the matching keys with values (wildcards, date ranges, UID lists; §C.2.2.2) and the return keys empty; each
     * match holds every key of {@code keys}, empty where the archive has no value, and Specific Character Set
     * ISO_IR 192. Unlike C-FIND, the keys of the levels above need not be given (relational). At most {@code limit}
     * matches after skipping {@code offset}; audited once. {@link IllegalArgumentException} for a malformed value
     * (e.g. a date).
     */
    public List<Attributes> query(QueryLevel level, Attributes keys, int limit, int offset) {
        return webQueries.query(level, keys, limit, offset);
    }

    /** The attributes that a query at {@code level} returns values for. */
    public Set<Integer> returnKeys(QueryLevel level) {
        return WebQueries.keys(level, false);
    }

    /** The attributes that a query at {@code level} can match on; others are returned but ignored as filters. */
    public Set<Integer> matchingKeys(QueryLevel level) {
        return WebQueries.keys(level, true);
    }

    /**
     * The stored files of the visible instances of a study, or of one of its series ({@code seriesUid} not
     * {@code null}), or of one instance (both not {@code null}), in series and instance order; reading them is
     * audited once as {@code STUDY_RETRIEVED} with {@code purpose} (e.g. {@code WADO-RS}).
     */
    public List<StoredFile> files(String studyUid, String seriesUid, String sopInstanceUid, String purpose) {
        return webQueries.files(studyUid, seriesUid, sopInstanceUid, purpose);
    }

    /**
     * The stored file of one instance for the department's own automatic processing (quality checks, dose
     * extraction), which is not a person reading patient data and so is not audited; quarantined ones are not given.
     */
    public Optional<StoredFile> fileForProcessing(String sopInstanceUid) {
        return webQueries.file(sopInstanceUid);
    }

    /**
     * Stores a DICOM file (PS3.10) through the same ingest as a C-STORE, for the logged-in user; the result tells
     * success or the failure reason. {@link IOException} only when reading {@code file} itself fails.
     */
    public StoreResult store(InputStream file, StoreBatch batch) throws IOException {
        return webStore.store(file, batch, AuditService.currentActor());
    }

    /** Stores a dataset the department creates itself (demo images, rejection notes), as a file of its own. */
    public StoreResult store(Attributes dataset, StoreBatch batch) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            Part10.write(file, Part10.fileMetaFor(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null), dataset,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            return store(new ByteArrayInputStream(file.toByteArray()), batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a batch of {@link #store} calls: what it stored is on disk, audit lines included, when this returns. */
    public void finished(StoreBatch batch) {
        webStore.finished(batch);
    }

    /**
     * Files the quarantined instances of a study under the exam with {@code accessionNumber} (blank: the exam the
     * study's own accession number names), rewriting their patient and accession, and releases them; returns how
     * many. {@link IllegalArgumentException} if there is no such study, exam or quarantined instance.
     */
    public int assignToExam(String studyInstanceUid, String accessionNumber, Actor actor) {
        return resolution.assignToExam(studyInstanceUid, accessionNumber, actor);
    }

    /**
     * Rejects the quarantined instances of a study: they leave the quarantine list and are deleted when the grace
     * period ends, unless restored before. {@link IllegalArgumentException} if there is nothing to reject.
     */
    public QuarantineRejection rejectQuarantined(String studyInstanceUid, Actor actor) {
        return resolution.reject(studyInstanceUid, actor);
    }

    /** Brings a study's rejected instances back to the quarantine list while their grace period lasts. */
    public int restoreRejected(String studyInstanceUid, Actor actor) {
        return resolution.restore(studyInstanceUid, actor);
    }

    /**
     * A quarantined study beside the patient of the exam it would be filed under ({@code accessionNumber}, else the
     * one in the images), for a confirmation page; audited. {@link IllegalArgumentException} if nothing waits.
     */
    public QuarantineComparison reviewQuarantined(String studyInstanceUid, String accessionNumber) {
        return review.review(studyInstanceUid, accessionNumber);
    }

    /** Studies with rejected instances that can still be restored, newest reject first; reading them is audited. */
    public List<RejectedStudy> rejectedQuarantine() {
        List<RejectedStudy> studies = jdbc.sql("""
                SELECT st.study_instance_uid, st.patient_id, st.patient_name, st.accession_number, count(*) instances,
                    min(i.rejected_by) rejected_by, max(i.rejected_at) rejected_at
                FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id
                WHERE i.rejected_at IS NOT NULL
                GROUP BY st.id ORDER BY max(i.rejected_at) DESC LIMIT 500""")
                .query((row, number) -> {
                    Instant rejectedAt = row.getTimestamp("rejected_at").toInstant();
                    return new RejectedStudy(row.getString("study_instance_uid"), row.getString("patient_id"),
                            row.getString("patient_name"), row.getString("accession_number"), row.getLong("instances"),
                            row.getString("rejected_by"), rejectedAt, rejectedAt.plus(rejectedGrace));
                })
                .list();
        audit.record(AuditEntry.success("QUARANTINE_REJECTED_VIEWED", "ARCHIVE", null)
                .withDetail(Count.of(studies.size(), "study", "studies")));
        return studies;
    }

    /** Stored studies matching {@code search} (at most 200, newest first); the search is audited. */
    public List<StudySummary> findStudies(StudySearch search) {
        List<StudySummary> studies = browser.studies(search);
        audit.record(AuditEntry.success("STUDIES_SEARCHED", "ARCHIVE", null).forPatient(blankToNull(search.patientId()))
                .withDetail(search.describe() + ": " + Count.of(studies.size(), "study", "studies")));
        return studies;
    }

    /** A stored study with its series, if it has visible instances; reading it is audited. */
    public Optional<StudyDetail> study(String studyInstanceUid) {
        Optional<StudyDetail> study = browser.study(studyInstanceUid)
                .map(summary -> new StudyDetail(summary, browser.series(studyInstanceUid)));
        study.ifPresent(detail -> audit.record(AuditEntry.success("STUDY_VIEWED", "STUDY", studyInstanceUid)
                .forPatient(blankToNull(detail.study().patientId()))));
        return study;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Studies with quarantined instances, newest first; reading them is audited. */
    public List<QuarantinedStudy> quarantine() {
        List<QuarantinedStudy> studies = jdbc.sql("""
                SELECT st.study_instance_uid, st.patient_id, st.patient_name, st.accession_number,
                    min(i.quarantine_reason) reason, count(*) instances, max(i.stored_at) last_stored_at,
                    min(i.source_ae_title) source_ae_title
                FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id
                WHERE i.quarantine_reason IS NOT NULL AND i.rejected_at IS NULL
                GROUP BY st.id ORDER BY max(i.stored_at) DESC LIMIT 500""")
                .query((row, number) -> new QuarantinedStudy(row.getString("study_instance_uid"),
                        row.getString("patient_id"), row.getString("patient_name"), row.getString("accession_number"),
                        row.getString("reason"), row.getLong("instances"),
                        row.getTimestamp("last_stored_at").toInstant(), row.getString("source_ae_title")))
                .list();
        audit.record(AuditEntry.success("QUARANTINE_VIEWED", "ARCHIVE", null)
                .withDetail(Count.of(studies.size(), "study", "studies")));
        return studies;
    }

    /** Where and when an instance was stored, as the index keeps it. */
    public java.util.Optional<InstanceOrigin> originOf(String sopInstanceUid) {
        return jdbc.sql("""
                SELECT i.source_ae_title, i.stored_at, se.modality, se.body_part_examined
                FROM archive_instance i JOIN archive_series se ON se.id = i.series_id WHERE i.sop_instance_uid = ?""")
                .param(sopInstanceUid).query((row, number) -> new InstanceOrigin(row.getString("source_ae_title"),
                        row.getTimestamp("stored_at").toInstant(), row.getString("modality"),
                        row.getString("body_part_examined"))).optional();
    }

    /**
     * Withholds an image from reading (rejected for quality, IHE IOCM): it stays stored, indexed and visible to the
     * department's staff; readers no longer see it. Returns whether there was such an instance.
     */
    public boolean withholdFromReading(String sopInstanceUid, java.time.Instant at) {
        return jdbc.sql("UPDATE archive_instance SET withheld_at = ? WHERE sop_instance_uid = ?")
                .params(java.sql.Timestamp.from(at), sopInstanceUid).update() > 0;
    }

    /**
     * The images of {@code modalities} stored from {@code from} to {@code to} (not quarantined, rejected ones
     * included), per room (the source AE title), body part and month in {@code zone}.
     */
    public List<ImageCount> storedImages(java.time.Instant from, java.time.Instant to, java.util.Collection<String>
            modalities, java.time.ZoneId zone) {
        return jdbc.sql("""
                SELECT i.source_ae_title room, se.body_part_examined body_part,
                    date_trunc('month', i.stored_at AT TIME ZONE ?)::date AS month, count(*) images
                FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                WHERE i.quarantine_reason IS NULL AND i.stored_at >= ? AND i.stored_at < ?
                    AND se.modality IN (:modalities)
                GROUP BY 1, 2, 3 ORDER BY 3, 1, 2""".replace(":modalities", String.join(",",
                        java.util.Collections.nCopies(modalities.size(), "?"))))
                .param(zone.getId()).param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(to))
                .params(List.copyOf(modalities).stream().map(Object.class::cast).toList())
                .query((row, number) -> new ImageCount(row.getString("room"), row.getString("body_part"),
                        row.getDate("month").toLocalDate(), row.getLong("images"))).list();
    }

    /**
     * The images of {@code modalities} stored from {@code from} to {@code to} (not quarantined, rejected ones
     * included), per study: the reject analysis attributes each study to its exam's technologist.
     */
    public List<StudyImageCount> storedImagesPerStudy(java.time.Instant from, java.time.Instant to,
            java.util.Collection<String> modalities) {
        return jdbc.sql("""
                SELECT st.study_instance_uid, st.accession_number, count(*) images
                FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id
                WHERE i.quarantine_reason IS NULL AND i.stored_at >= ? AND i.stored_at < ?
                    AND se.modality = ANY(?)
                GROUP BY 1, 2 ORDER BY 1""")
                .param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(to))
                .param(modalities.toArray(String[]::new))
                .query((row, number) -> new StudyImageCount(row.getString(1), row.getString(2), row.getLong(3)))
                .list();
    }

    /**
     * How many instances wait in quarantine under {@code studyInstanceUid} or with {@code accessionNumber}: an exam's
     * images whose identity does not match it, not yet resolved.
     */
    public long quarantinedCount(String studyInstanceUid, String accessionNumber) {
        return jdbc.sql("""
                SELECT count(*) FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id
                WHERE i.quarantine_reason IS NOT NULL AND i.rejected_at IS NULL
                AND (st.study_instance_uid = ? OR st.accession_number = ?)""")
                .param(studyInstanceUid).param(accessionNumber).query(Long.class).single();
    }

    /** How many instances of {@code studyInstanceUid} are stored, visible and quarantined alike. */
    public long instanceCount(String studyInstanceUid) {
        return jdbc.sql("""
                SELECT count(*) FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id WHERE st.study_instance_uid = ?""")
                .param(studyInstanceUid).query(Long.class).single();
    }
}
