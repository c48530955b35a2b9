package io.hounsfield.archive.ingest;

import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Files a DICOM file (PS3.10) sent over the web through the same {@link Ingest} as a C-STORE: parsed while
 * streamed to disk, fsync'ed, indexed, identity checked; an unreadable or truncated file is refused and nothing of
 * it is kept. Audited like C-STORE, with the web user as actor.
 */
@Component
public class WebStore {
    private static final System.Logger LOG = System.getLogger(WebStore.class.getName());

    private final Ingest ingest;
    private final IngestSessions sessions;
    private final ArchiveAudit audit;
    private final DifferingResends resends;

    WebStore(Ingest ingest, IngestSessions sessions, ArchiveAudit audit, DifferingResends resends) {
        this.ingest = ingest;
        this.sessions = sessions;
        this.audit = audit;
        this.resends = resends;
    }

    /** Stores one file; an {@link IOException} other than a parse error means the input itself broke. */
    public StoreResult store(InputStream file, StoreBatch batch, Actor actor) throws IOException {
        IncomingInstance incoming = null;
        try {
            Part10.Opened opened = Part10.open(file, ReadOptions.DEFAULT);
            incoming = Part10Instance.of(opened, sessions.session(batch.name()), actor, batch.aeTitle(),
                    batch.source(), batch.studyInstanceUid());
            StoreOutcome outcome = ingest.store(incoming);
            if (outcome.kind() == StoreOutcome.Kind.REJECTED) {
                return failed(actor, incoming, Failure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.dimseStatus(),
                        outcome.rejection());
            }
            if (outcome.keptDiffering()) {
                resends.record(outcome, batch.source());
            }
            return stored(incoming, outcome);
        } catch (DicomParseException | IllegalArgumentException e) {
            return failed(actor, incoming, Failure.INVALID_INPUT.dimseStatus(), "unreadable: " + e.getMessage());
        } catch (UncheckedIOException | DataAccessException e) {
            LOG.log(System.Logger.Level.ERROR, "{0}: {1} not stored: {2}", batch.name(),
                    incoming == null ? "?" : incoming.sopInstanceUid(), e.toString());
            return failed(actor, incoming, Failure.STORE_FAILED.dimseStatus(), "not stored: " + e.getMessage());
        }
    }

    /** Ends the batch's session once every file of it is stored: what it stored is on disk, audit lines included. */
    public void finished(StoreBatch batch) {
        sessions.end(batch.name());
    }

    private static StoreResult stored(IncomingInstance incoming, StoreOutcome outcome) {
        StoreResult.Outcome result = outcome.keptDiffering() ? StoreResult.Outcome.KEPT_DIFFERING
                : outcome.kind() == StoreOutcome.Kind.KEPT ? StoreResult.Outcome.ALREADY_STORED
                : outcome.quarantineReason() != null ? StoreResult.Outcome.QUARANTINED : StoreResult.Outcome.STORED;
        return new StoreResult(incoming.sopClassUid(), incoming.sopInstanceUid(),
                outcome.entry().study().studyInstanceUid(), outcome.entry().series().seriesInstanceUid(), result, 0,
                outcome.quarantineReason());
    }

    private StoreResult failed(Actor actor, IncomingInstance incoming, int reason, String detail) {
        String sopInstanceUid = incoming == null ? null : incoming.sopInstanceUid();
        audit.storeFailed(actor, sopInstanceUid, detail);
        return new StoreResult(incoming == null ? null : incoming.sopClassUid(), sopInstanceUid, null, null,
                StoreResult.Outcome.FAILED, reason, detail);
    }
}
