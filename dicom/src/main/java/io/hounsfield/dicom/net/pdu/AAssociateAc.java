package io.hounsfield.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 §9.3.3): the AE title fields echo the request; one result per presentation context
 * (§9.3.3.2) and the acceptor's user information (§9.3.3.3).
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextAc> presentationContexts,
        UserInformation userInformation) implements Pdu {
    public AAssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_AC;
    }
}
