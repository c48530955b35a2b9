package io.hounsfield.dicom.net;

import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.net.pdu.AAssociateAc;
import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.pdu.UserInformation;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import io.hounsfield.dicom.net.ul.ContextNegotiation;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ (PS3.8 §7.1.1): rejections for protocol version, application context
 * and the association policy, else the negotiated presentation contexts and roles. The association limit is applied
 * after this, to an accepted request only ({@link #localLimitExceeded()}).
 */
final class Negotiation {
    private Negotiation() {
    }

    static Pdu answer(ApplicationEntity local, AAssociateRq rq, InetSocketAddress remote) {
        if ((rq.protocolVersion() & 1) == 0) {
            return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE,
                    AAssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!AAssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                    AAssociateRj.REASON_APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        AAssociateRj rejection = local.policy().evaluate(rq, remote);
        if (rejection != null) {
            return rejection;
        }
        List<RoleSelection> roles = rq.userInformation() == null ? List.of() : rq.userInformation().roleSelections();
        var contexts = ContextNegotiation.negotiate(rq.presentationContexts(), roles,
                local.services()::transferSyntaxes).stream()
                .map(context -> context.accepted() && !local.policy().allows(rq, abstractSyntax(rq, context.id()))
                        ? new PresentationContextAc(context.id(), PresentationContextAc.USER_REJECTION,
                                context.transferSyntax())
                        : context)
                .toList();
        UserInformation info = userInformation(local).withRoleSelections(ContextNegotiation.answerRoles(roles));
        return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), AAssociateRq.DICOM_APPLICATION_CONTEXT,
                contexts, info);
    }

    /** All association slots are taken: transient, from the presentation layer provider (PS3.8 Table 9-21). */
    static AAssociateRj localLimitExceeded() {
        return new AAssociateRj(AAssociateRj.RESULT_TRANSIENT, AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION,
                AAssociateRj.REASON_LOCAL_LIMIT_EXCEEDED);
    }

    private static String abstractSyntax(AAssociateRq rq, int contextId) {
        return rq.presentationContexts().stream().filter(context -> context.id() == contextId).findFirst()
                .map(io.hounsfield.dicom.net.pdu.PresentationContextRq::abstractSyntax).orElse("");
    }

    static UserInformation userInformation(ApplicationEntity local) {
        return UserInformation.of(local.options().maxPduLength(), Part10.IMPLEMENTATION_CLASS_UID,
                Part10.IMPLEMENTATION_VERSION_NAME);
    }
}
