package io.hounsfield.archive.ingest;

import io.hounsfield.archive.DifferingResend;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.archive.index.StoredInstance;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Instances sent again with other content than the stored copy, which was kept (hounsfield.archive.duplicates=KEEP):
 * the list a lead technologist follows up with the sender. UIDs and the sender only, no patient data.
 */
@Repository
public class DifferingResends {
    private static final System.Logger LOG = System.getLogger(DifferingResends.class.getName());
    private static final int SHOWN = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    DifferingResends(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(StoreOutcome outcome, String sourceAeTitle) {
        StoredInstance kept = outcome.kept();
        LOG.log(System.Logger.Level.WARNING, "{0} sent instance {1} again with other content; the stored copy is "
                + "kept and the new one discarded", sourceAeTitle, kept.sopInstanceUid());
        jdbc.sql("""
                INSERT INTO archive_differing_resend (sop_instance_uid, study_instance_uid, source_ae_title,
                    received_at, stored_transfer_syntax_uid, received_transfer_syntax_uid)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(kept.sopInstanceUid(), kept.studyInstanceUid(), sourceAeTitle.strip(),
                        java.sql.Timestamp.from(clock.instant()), kept.transferSyntaxUid(),
                        outcome.entry().instance().transferSyntaxUid())
                .update();
    }

    /** The latest, newest first. */
    public List<DifferingResend> latest() {
        return jdbc.sql("""
                SELECT received_at, source_ae_title, sop_instance_uid, study_instance_uid,
                    stored_transfer_syntax_uid, received_transfer_syntax_uid
                FROM archive_differing_resend ORDER BY received_at DESC, id DESC LIMIT ?""")
                .param(SHOWN)
                .query((row, number) -> new DifferingResend(row.getTimestamp("received_at").toInstant(),
                        row.getString("source_ae_title"), row.getString("sop_instance_uid"),
                        row.getString("study_instance_uid"), row.getString("stored_transfer_syntax_uid"),
                        row.getString("received_transfer_syntax_uid")))
                .list();
    }
}
