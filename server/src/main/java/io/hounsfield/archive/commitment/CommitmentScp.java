package io.hounsfield.archive.commitment;

import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.peers.PeerCheck;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.NRequest;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.NService;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Storage Commitment Push Model SCP (PS3.4 Annex J): an N-ACTION "Request Storage Commitment" is answered at once,
 * then the result follows as an N-EVENT-REPORT on the same association, or on a new one when the requestor has
 * released it ({@link CommitmentReportSender}; §J.3.3): event type 1 when every referenced
 * instance is indexed with its SOP class and its file is in the store, else 2 with the failures (0x0112 no such
 * instance, 0x0119 SOP class differs). Quarantined instances are safely stored, so they are committed too.
 */
@Component
public class CommitmentScp implements NService {
    static final int REQUEST_STORAGE_COMMITMENT = 1;
    static final int ALL_COMMITTED = 1;
    static final int SOME_FAILED = 2;
    private static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    private static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    private static final int RESOURCE_LIMITATION = 0x0213;

    private final ArchiveIndex index;
    private final InstanceStore store;
    private final PeerCheck peers;
    private final ArchiveAudit archiveAudit;
    private final AuditService audit;
    private final CommitmentReportSender reports;

    CommitmentScp(ArchiveIndex index, InstanceStore store, PeerCheck peers, ArchiveAudit archiveAudit,
            AuditService audit, CommitmentReportSender reports) {
        this.reports = reports;
        this.index = index;
        this.store = store;
        this.peers = peers;
        this.archiveAudit = archiveAudit;
        this.audit = audit;
    }

    @Override
    public NResponse handle(NRequest request, Attributes information) {
        if (request.dimse() != Dimse.N_ACTION_RQ || request.typeId() != REQUEST_STORAGE_COMMITMENT) {
            return NResponse.of(Failure.UNSUPPORTED_OPERATION.dimseStatus());
        }
        if (!peers.may(request.association(), PeerPermission.COMMIT)) {
            archiveAudit.refused(request.association(), "storage commitment", "peer may not request commitment");
            return NResponse.of(Failure.NOT_AUTHORIZED.dimseStatus());
        }
        Sequence references = information == null ? null : information.getSequence(Tags.ReferencedSOPSequence);
        String transactionUid = information == null ? null : information.getString(Tags.TransactionUID);
        if (references == null || transactionUid == null || transactionUid.isBlank()) {
            return NResponse.of(Failure.INVALID_ARGUMENT.dimseStatus());
        }
        Attributes result = result(transactionUid.strip(), references);
        Sequence failed = result.getSequence(Tags.FailedSOPSequence);
        int failures = failed == null ? 0 : failed.size();
        audit.record(ArchiveAudit.actor(request.association()), AuditEntry.success("STORAGE_COMMITTED",
                "TRANSACTION", transactionUid.strip()).withDetail((references.size() - failures) + " committed, "
                + failures + " failed"));
        return new NResponse(Status.SUCCESS, null, null, new NResponse.EventReport(Uids.StorageCommitmentPushModel,
                Uids.StorageCommitmentPushModelInstance, failures == 0 ? ALL_COMMITTED : SOME_FAILED, result));
    }

    /** The modality released the association before the result was sent: a new association carries it. */
    @Override
    public void eventReportUndelivered(AssociationInfo association, NResponse.EventReport report) {
        reports.send(association.callingAeTitle().strip(), report);
    }

    private Attributes result(String transactionUid, Sequence references) {
        Attributes result = new Attributes();
        result.setString(Tags.TransactionUID, VR.UI, transactionUid);
        Sequence committed = null;
        Sequence failed = null;
        for (Attributes reference : references) {
            // Every value, joined: a multi-valued UID is looked up (and found nowhere) as the requester sent it, not
            // as its first value, which may be another instance.
            String sopClassUid = strip(String.join("\\", reference.getStrings(Tags.ReferencedSOPClassUID)));
            String sopInstanceUid = strip(String.join("\\", reference.getStrings(Tags.ReferencedSOPInstanceUID)));
            int failure = failure(sopClassUid, sopInstanceUid);
            Attributes item;
            if (failure == 0) {
                committed = committed == null ? result.newSequence(Tags.ReferencedSOPSequence) : committed;
                item = committed.addItem();
            } else {
                failed = failed == null ? result.newSequence(Tags.FailedSOPSequence) : failed;
                item = failed.addItem();
            }
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, sopClassUid);
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, sopInstanceUid);
            if (failure != 0) {
                item.setInts(Tags.FailureReason, VR.US, failure);
            }
        }
        return result;
    }

    /** 0 when committed, else the Failure Reason (PS3.3 §C.14.1.1). */
    private int failure(String sopClassUid, String sopInstanceUid) {
        if (sopInstanceUid.isEmpty()) {
            return NO_SUCH_OBJECT_INSTANCE;
        }
        Optional<StoredInstance> stored = index.instance(sopInstanceUid);
        try {
            if (stored.isEmpty() || !store.exists(stored.get().filePath())) {
                return NO_SUCH_OBJECT_INSTANCE;
            }
        } catch (IOException storeUnreachable) {
            // Not known to be missing: the requester may ask again rather than send it anew.
            return RESOURCE_LIMITATION;
        }
        return stored.get().sopClassUid().equals(sopClassUid) ? 0 : CLASS_INSTANCE_CONFLICT;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
