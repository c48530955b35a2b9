package io.hounsfield.archive.peers;

import io.hounsfield.archive.Audience;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the calling peer of an association may do, asked per request (permissions may change meanwhile). */
@Component
public class PeerCheck {
    private final DicomPeerRegistry peers;

    PeerCheck(DicomPeerRegistry peers) {
        this.peers = peers;
    }

    public boolean may(AssociationInfo association, PeerPermission permission) {
        return peers.find(association.callingAeTitle()).map(peer -> peer.may(permission)).orElse(false);
    }

    /** What the calling peer sees: a reading station reads, any other peer works in the department. */
    public Audience audience(AssociationInfo association) {
        return may(association, PeerPermission.READING_STATION) ? Audience.READER : Audience.STAFF;
    }

    /** A peer that may be the destination of a C-MOVE and has an address. */
    public Optional<DicomPeer> moveDestination(String aeTitle) {
        return Optional.ofNullable(aeTitle).flatMap(peers::find)
                .filter(peer -> peer.may(PeerPermission.MOVE_DESTINATION) && peer.host() != null
                        && peer.port() != null);
    }
}
