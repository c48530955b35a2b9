package io.hounsfield.dicom.net;

import io.hounsfield.dicom.net.pdu.AAssociateAc;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;

/** The presentation contexts of an established association: proposed in the request, answered in the acceptance. */
record NegotiatedContexts(AAssociateRq request, AAssociateAc acceptance) {
    /** The transfer syntax accepted for a presentation context, or {@code null}. */
    String transferSyntax(int contextId) {
        for (PresentationContextAc context : acceptance.presentationContexts()) {
            if (context.id() == contextId && context.accepted()) {
                return context.transferSyntax();
            }
        }
        return null;
    }

    /** The abstract syntax proposed for a presentation context, or {@code null}. */
    String abstractSyntax(int contextId) {
        for (PresentationContextRq context : request.presentationContexts()) {
            if (context.id() == contextId) {
                return context.abstractSyntax();
            }
        }
        return null;
    }

    /** An accepted context for {@code sopClassUid}, preferring {@code transferSyntaxUid} (if not null); or -1. */
    int contextFor(String sopClassUid, String transferSyntaxUid) {
        int any = -1;
        for (PresentationContextAc context : acceptance.presentationContexts()) {
            if (context.accepted() && sopClassUid.equals(abstractSyntax(context.id()))) {
                if (transferSyntaxUid == null || transferSyntaxUid.equals(context.transferSyntax())) {
                    return context.id();
                }
                if (any < 0) {
                    any = context.id();
                }
            }
        }
        return any;
    }
}
