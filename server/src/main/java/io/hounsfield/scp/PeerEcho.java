package io.hounsfield.scp;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.equipment.DicomLink;
import io.hounsfield.equipment.DicomPeer;
import org.springframework.stereotype.Component;

/** "Is it reachable?": a C-ECHO from Hounsfield's AE to a peer's address, as PACS administrators test a link. */
@Component
class PeerEcho implements DicomLink {
    private final DicomListener listener;

    PeerEcho(DicomListener listener) {
        this.listener = listener;
    }

    @Override
    public String ourAeTitle() {
        return listener.aeTitle();
    }

    /** What happened, in one sentence for the administrator. */
    @Override
    public String echo(DicomPeer peer) {
        if (peer.host() == null || peer.port() == null) {
            return "C-ECHO to " + peer.aeTitle() + " not tried: it has no host and port.";
        }
        String target = peer.aeTitle() + " at " + peer.host() + ":" + peer.port();
        long started = System.nanoTime();
        try (Association association = listener.client().connect(peer.host(), peer.port(), peer.aeTitle(),
                new PresentationContexts().add(Uids.Verification, Uids.ImplicitVRLittleEndian))) {
            int status = new Scu(association).echo();
            association.release();
            long millis = (System.nanoTime() - started) / 1_000_000;
            return "C-ECHO to " + target + ": " + (Status.isSuccess(status) ? "Success" : "status "
                    + Status.toString(status)) + " in " + millis + " ms.";
        } catch (Exception e) {
            return "C-ECHO to " + target + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
