package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, once their grace period is over, the quarantined instances someone rejected: rows first, files once the
 * rows are gone for good (a crash in between leaves files that recovery re-indexes and the identity check
 * quarantines again, never a row without its file). "Now" is the injected clock, so a test can purge with a clock
 * set past the grace period.
 */
@Component
public class RejectedPurge {

    private static final System.Logger LOG = System.getLogger(RejectedPurge.class.getName());

    private final JdbcClient jdbc;
    private final ArchiveIndex index;
    private final InstanceStore store;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration grace;

    public RejectedPurge(JdbcClient jdbc, ArchiveIndex index, InstanceStore store, AuditService audit,
            TransactionTemplate transactions, Clock clock,
            @Value("${hounsfield.archive.rejected-grace:7d}") Duration grace) {
        this.jdbc = jdbc;
        this.index = index;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
    }

    private record Purged(String studyInstanceUid, String seriesInstanceUid, String patientId, String filePath) {
    }

    /** Deletes every rejected instance whose grace period is over; returns how many. */
    @Scheduled(fixedDelayString = "${hounsfield.archive.rejected-purge-interval:15m}")
    public int purgeExpired() {
        List<Purged> purged = transactions.execute(status -> deleteRows());
        for (Purged instance : purged) {
            try {
                store.delete(instance.filePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!purged.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Purged {0} rejected instances after their grace period", purged.size());
        }
        return purged.size();
    }

    private List<Purged> deleteRows() {
        List<Purged> purged = jdbc.sql("""
                DELETE FROM archive_instance i USING archive_series se, archive_study st
                WHERE se.id = i.series_id AND st.id = se.study_id AND i.rejected_at <= ?
                RETURNING st.study_instance_uid, se.series_instance_uid, st.patient_id, i.file_path""")
                .param(Timestamp.from(clock.instant().minus(grace)))
                .query((row, number) -> new Purged(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4)))
                .list();
        purged.stream().map(Purged::seriesInstanceUid).distinct().forEach(index::removeIfEmpty);
        purged.stream().map(Purged::studyInstanceUid).distinct().forEach(study -> audit.record(Actor.SYSTEM,
                AuditEntry.success("QUARANTINE_PURGED", "STUDY", study)
                        .forPatient(patientOf(purged, study))
                        .withDetail(purged.stream().filter(p -> p.studyInstanceUid().equals(study)).count()
                                + " rejected instances deleted: their grace period of " + grace + " is over")));
        return purged;
    }

    private static String patientOf(List<Purged> purged, String study) {
        return purged.stream().filter(p -> p.studyInstanceUid().equals(study)).map(Purged::patientId)
                .filter(id -> id != null && !id.isBlank()).findFirst().orElse(null);
    }
}
