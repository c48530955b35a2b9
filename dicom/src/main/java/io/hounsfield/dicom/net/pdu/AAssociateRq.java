package io.hounsfield.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 §9.3.2): protocol version, called and calling AE titles, application context
 * (§9.3.2.1), presentation contexts (§9.3.2.2) and user information (§9.3.2.3).
 */
public record AAssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContextName, List<PresentationContextRq> presentationContexts,
        UserInformation userInformation) implements Pdu {
    /** The DICOM Application Context Name (PS3.7 §A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    public AAssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return A_ASSOCIATE_RQ;
    }
}
