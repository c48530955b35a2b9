package io.hounsfield.archive;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The image archive's API for the rest of Hounsfield: what is stored, and what waits in quarantine. */
@Service
public class ArchiveService {
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final StudyBrowser browser;
    private final QuarantineResolution resolution;

    ArchiveService(JdbcClient jdbc, AuditService audit, StudyBrowser browser, QuarantineResolution resolution) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.browser = browser;
        this.resolution = resolution;
    }

    /**
     * Files the quarantined instances of a study under the exam with {@code accessionNumber} (blank: the exam the
     * study's own accession number names), rewriting their patient and accession, and releases them; returns how
     * many. {@link IllegalArgumentException} if there is no such study, exam or quarantined instance.
     */
    public int assignToExam(String studyInstanceUid, String accessionNumber, Actor actor) {
        return resolution.assignToExam(studyInstanceUid, accessionNumber, actor);
    }

    /** Deletes the quarantined instances of a study; returns how many. */
    public int rejectQuarantined(String studyInstanceUid, Actor actor) {
        return resolution.reject(studyInstanceUid, actor);
    }

    /** Stored studies matching {@code search} (at most 200, newest first); the search is audited. */
    public List<StudySummary> findStudies(StudySearch search) {
        List<StudySummary> studies = browser.studies(search);
        audit.record(AuditEntry.success("STUDIES_SEARCHED", "ARCHIVE", null).forPatient(blankToNull(search.patientId()))
                .withDetail(search + ": " + studies.size() + " studies"));
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
                WHERE i.quarantine_reason IS NOT NULL
                GROUP BY st.id ORDER BY max(i.stored_at) DESC LIMIT 500""")
                .query((row, number) -> new QuarantinedStudy(row.getString("study_instance_uid"),
                        row.getString("patient_id"), row.getString("patient_name"), row.getString("accession_number"),
                        row.getString("reason"), row.getLong("instances"),
                        row.getTimestamp("last_stored_at").toInstant(), row.getString("source_ae_title")))
                .list();
        audit.record(AuditEntry.success("QUARANTINE_VIEWED", "ARCHIVE", null)
                .withDetail(studies.size() + " studies"));
        return studies;
    }

    /** How many instances of {@code studyInstanceUid} are stored, visible and quarantined alike. */
    public long instanceCount(String studyInstanceUid) {
        return jdbc.sql("""
                SELECT count(*) FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                JOIN archive_study st ON st.id = se.study_id WHERE st.study_instance_uid = ?""")
                .param(studyInstanceUid).query(Long.class).single();
    }
}
