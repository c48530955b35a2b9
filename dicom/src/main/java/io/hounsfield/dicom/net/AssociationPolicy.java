package io.hounsfield.dicom.net;

import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import java.net.InetSocketAddress;
import java.util.Set;

/**
 * Decides whether an association request is accepted (PS3.8 §7.1.1.9): the server plugs in "is this calling AE
 * known and what may it do". Returns {@code null} to accept, or the A-ASSOCIATE-RJ to answer with.
 */
@FunctionalInterface
public interface AssociationPolicy {
    AAssociateRj evaluate(AAssociateRq request, InetSocketAddress remote);

    /**
     * What an accepted caller may do: a presentation context whose abstract syntax is not allowed is answered with
     * user-rejection (PS3.8 §9.3.3.2). Allows everything by default.
     */
    default boolean allows(AAssociateRq request, String sopClassUid) {
        return true;
    }

    /** Accepts any calling AE title that calls {@code calledAeTitle}; rejects other called AE titles. */
    static AssociationPolicy calledAeTitle(String calledAeTitle) {
        return (request, remote) -> request.calledAeTitle().equals(calledAeTitle) ? null : calledAeNotRecognized();
    }

    /** Accepts only {@code callingAeTitles} calling {@code calledAeTitle}. */
    static AssociationPolicy knownCallers(String calledAeTitle, Set<String> callingAeTitles) {
        AssociationPolicy called = calledAeTitle(calledAeTitle);
        return (request, remote) -> {
            AAssociateRj rejection = called.evaluate(request, remote);
            if (rejection != null) {
                return rejection;
            }
            return callingAeTitles.contains(request.callingAeTitle()) ? null : callingAeNotRecognized();
        };
    }

    static AAssociateRj callingAeNotRecognized() {
        return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                AAssociateRj.REASON_CALLING_AE_NOT_RECOGNIZED);
    }

    static AAssociateRj calledAeNotRecognized() {
        return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                AAssociateRj.REASON_CALLED_AE_NOT_RECOGNIZED);
    }

    static AAssociateRj noReason() {
        return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER,
                AAssociateRj.REASON_NO_REASON_GIVEN);
    }
}
