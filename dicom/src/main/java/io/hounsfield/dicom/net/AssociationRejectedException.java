package io.hounsfield.dicom.net;

import io.hounsfield.dicom.net.pdu.AAssociateRj;
import java.io.IOException;

/** The peer answered A-ASSOCIATE-RJ (PS3.8 §9.3.4). */
public final class AssociationRejectedException extends IOException {
    private final AAssociateRj rejection;

    public AssociationRejectedException(AAssociateRj rejection) {
        super("association rejected: result " + rejection.result() + ", source " + rejection.source() + ", reason "
                + rejection.reason());
        this.rejection = rejection;
    }

    public AAssociateRj rejection() {
        return rejection;
    }
}
