package io.hounsfield.dicom.net.pdu;

import java.util.Arrays;
import java.util.List;

/**
 * User information item (PS3.8 §9.3.2.3, PS3.7 Annex D.3.3): maximum length received (0 = unlimited), implementation
 * class UID and version name, asynchronous operations window, SCP/SCU role selections, SOP class extended and common
 * extended negotiation, and user identity (request or, in an A-ASSOCIATE-AC, server response). Absent parts are
 * {@code null} or empty lists.
 */
public record UserInformation(long maxLength, String implementationClassUid, String implementationVersionName,
        AsyncOperationsWindow asyncOperationsWindow, List<RoleSelection> roleSelections,
        List<ExtendedNegotiation> extendedNegotiations, List<CommonExtendedNegotiation> commonExtendedNegotiations,
        UserIdentityRq userIdentityRq, UserIdentityAc userIdentityAc) {

    public UserInformation {
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
    }

    /** Only the mandatory parts: maximum length and implementation class UID (and version name). */
    public static UserInformation of(long maxLength, String implementationClassUid, String implementationVersionName) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName, null, List.of(),
                List.of(), List.of(), null, null);
    }

    public UserInformation withRoleSelections(List<RoleSelection> selections) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName, asyncOperationsWindow,
                selections, extendedNegotiations, commonExtendedNegotiations, userIdentityRq, userIdentityAc);
    }

    public UserInformation withUserIdentityRq(UserIdentityRq identity) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersionName, asyncOperationsWindow,
                roleSelections, extendedNegotiations, commonExtendedNegotiations, identity, userIdentityAc);
    }

    /** Asynchronous Operations Window sub-item (PS3.7 §D.3.3.3); 0 means unlimited. */
    public record AsyncOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {
    }

    /** SCP/SCU Role Selection sub-item (PS3.7 §D.3.3.4). */
    public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
    }

    /** SOP Class Extended Negotiation sub-item (PS3.7 §D.3.3.5): service-class-application-information. */
    public record ExtendedNegotiation(String sopClassUid, byte[] information) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ExtendedNegotiation negotiation && negotiation.sopClassUid.equals(sopClassUid)
                    && Arrays.equals(negotiation.information, information);
        }

        @Override
        public int hashCode() {
            return sopClassUid.hashCode() * 31 + Arrays.hashCode(information);
        }
    }

    /** SOP Class Common Extended Negotiation sub-item (PS3.7 §D.3.3.6). */
    public record CommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
            List<String> relatedGeneralSopClassUids) {
        public CommonExtendedNegotiation {
            relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
        }
    }

    /**
     * User Identity sub-item of the request (PS3.7 §D.3.3.7.1): type 1 username, 2 username and passcode, 3 Kerberos,
     * 4 SAML, 5 JWT.
     */
    public record UserIdentityRq(int identityType, boolean positiveResponseRequested, byte[] primaryField,
            byte[] secondaryField) {
        @Override
        public boolean equals(Object other) {
            return other instanceof UserIdentityRq identity && identity.identityType == identityType
                    && identity.positiveResponseRequested == positiveResponseRequested
                    && Arrays.equals(identity.primaryField, primaryField)
                    && Arrays.equals(identity.secondaryField, secondaryField);
        }

        @Override
        public int hashCode() {
            return identityType * 31 + Arrays.hashCode(primaryField) * 7 + Arrays.hashCode(secondaryField);
        }

        @Override
        public String toString() {
            return "UserIdentityRq[type=" + identityType + "]";
        }
    }

    /** User Identity sub-item of the acceptance (PS3.7 §D.3.3.7.2). */
    public record UserIdentityAc(byte[] serverResponse) {
        @Override
        public boolean equals(Object other) {
            return other instanceof UserIdentityAc identity && Arrays.equals(identity.serverResponse, serverResponse);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(serverResponse);
        }
    }
}
