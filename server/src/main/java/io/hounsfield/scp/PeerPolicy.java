package io.hounsfield.scp;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import java.net.InetSocketAddress;

/**
 * Who may associate: a known, enabled peer calling Hounsfield's own AE title (PS3.8 §7.1.1.9). What the
 * peer may then do is checked by each service against its permissions. Refusals are audited.
 */
final class PeerPolicy implements AssociationPolicy {

    private final String aeTitle;
    private final DicomPeerRegistry peers;
    private final AuditService audit;

    PeerPolicy(String aeTitle, DicomPeerRegistry peers, AuditService audit) {
        this.aeTitle = aeTitle;
        this.peers = peers;
        this.audit = audit;
    }

    @Override
    public AAssociateRj evaluate(AAssociateRq request, InetSocketAddress remote) {
        String caller = request.callingAeTitle().strip();
        if (!request.calledAeTitle().strip().equals(aeTitle)) {
            return refuse(caller, remote, "called AE title " + request.calledAeTitle().strip() + " is not " + aeTitle,
                    AssociationPolicy.calledAeNotRecognized());
        }
        if (peers.find(caller).filter(DicomPeer::enabled).isEmpty()) {
            return refuse(caller, remote, "calling AE title is not a known peer",
                    AssociationPolicy.callingAeNotRecognized());
        }
        return null;
    }

    private AAssociateRj refuse(String caller, InetSocketAddress remote, String why, AAssociateRj rejection) {
        audit.record(new Actor(caller, "DICOM", remote.getAddress().getHostAddress()),
                AuditEntry.failure("DICOM_ASSOCIATION_REJECTED", "AE", caller, why));
        return rejection;
    }
}
