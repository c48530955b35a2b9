package io.hounsfield.archive.ingest;

import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.archive.peers.PeerCheck;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.DimseRefusal;
import io.hounsfield.dicom.net.service.StoreRequest;
import io.hounsfield.dicom.net.service.StoreService;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Storage SCP for every Storage SOP Class (PS3.4 Annex B), for peers allowed to store. Answers Success only when
 * {@link Ingest} has the file fsync'ed and indexed; a data set that cannot be parsed (e.g. truncated) gets 0xC000
 * "Cannot understand" and nothing is kept. A resend whose content differs from the stored copy, which is kept
 * (duplicates KEEP), gets the warning 0xB006 "Elements Discarded" (PS3.4 Table B.2-1: the SOP Instance is stored, but
 * what was sent this time was discarded) and is listed for the lead technologist.
 */
@Component
public class StoreScp implements StoreService {
    private static final System.Logger LOG = System.getLogger(StoreScp.class.getName());

    private final Ingest ingest;
    private final IngestSessions sessions;
    private final PeerCheck peers;
    private final ArchiveAudit audit;
    private final DifferingResends resends;

    StoreScp(Ingest ingest, IngestSessions sessions, PeerCheck peers, ArchiveAudit audit, DifferingResends resends) {
        this.ingest = ingest;
        this.sessions = sessions;
        this.peers = peers;
        this.audit = audit;
        this.resends = resends;
    }

    @Override
    public int store(StoreRequest request, InputStream dataset) throws IOException {
        if (!peers.may(request.association(), PeerPermission.STORE)) {
            audit.refused(request.association(), "C-STORE", "peer may not store");
            return Failure.NOT_AUTHORIZED.dimseStatus();
        }
        StoreOutcome outcome;
        try {
            outcome = ingest.store(IncomingInstance.of(request, dataset, ArchiveAudit.actor(request.association()),
                    sessions.session(sessionName(request.association()))));
        } catch (DicomParseException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} << C-STORE-RQ {1}: unreadable data set: {2}",
                    request.association().name(), request.sopInstanceUid(), e.getMessage());
            audit.storeFailed(request, "unreadable data set: " + e.getMessage());
            throw new DimseRefusal(Failure.INVALID_INPUT.dimseStatus(), e.problem());
        } catch (UncheckedIOException | org.springframework.dao.DataAccessException e) {
            LOG.log(System.Logger.Level.ERROR, "{0} << C-STORE-RQ {1}: not stored: {2}",
                    request.association().name(), request.sopInstanceUid(), e.toString());
            audit.storeFailed(request, e.toString());
            return Failure.STORE_FAILED.dimseStatus();
        }
        if (outcome.kind() == StoreOutcome.Kind.REJECTED) {
            audit.storeFailed(request, outcome.rejection());
            return Failure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.dimseStatus();
        }
        if (outcome.keptDiffering()) {
            resends.record(outcome, request.association().callingAeTitle());
            return Failure.DIFFERING_RESEND.dimseStatus();
        }
        return Status.SUCCESS;
    }

    /** Before the association is released: what it stored is made durable, index and audit lines included. */
    public void released(AssociationInfo association) {
        sessions.end(sessionName(association));
    }

    private static String sessionName(AssociationInfo association) {
        return "association " + association.name();
    }
}
