package io.hounsfield.dicom.net.ul;

import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Acceptor side presentation context negotiation (PS3.8 §9.3.3.2) and SCP/SCU role selection (PS3.7 §D.3.3.4).
 * For each proposed context: abstract syntax not supported (3) if no service is offered for it, transfer syntaxes
 * not supported (4) if none proposed is accepted, else acceptance with the first accepted syntax in our order of
 * preference (or the proposer's first when any is accepted). A storage context proposed for C-GET, where the
 * requestor offers the SCP role, is accepted with the proposer's first syntax.
 */
public final class ContextNegotiation {
    private ContextNegotiation() {
    }

    /**
     * @param accepted for a SOP class, the transfer syntaxes accepted (empty = any) or {@code null} if not offered
     */
    public static List<PresentationContextAc> negotiate(List<PresentationContextRq> proposed,
            List<RoleSelection> roles, Function<String, List<String>> accepted) {
        List<PresentationContextAc> results = new ArrayList<>();
        for (PresentationContextRq context : proposed) {
            results.add(negotiate(context, roles, accepted));
        }
        return results;
    }

    private static PresentationContextAc negotiate(PresentationContextRq context, List<RoleSelection> roles,
            Function<String, List<String>> accepted) {
        List<String> ours = accepted.apply(context.abstractSyntax());
        if (ours == null && requestorIsScp(context.abstractSyntax(), roles)) {
            ours = List.of();
        }
        if (ours == null) {
            return new PresentationContextAc(context.id(), PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    context.transferSyntaxes().get(0));
        }
        if (ours.isEmpty()) {
            return new PresentationContextAc(context.id(), PresentationContextAc.ACCEPTANCE,
                    context.transferSyntaxes().get(0));
        }
        for (String syntax : ours) {
            if (context.transferSyntaxes().contains(syntax)) {
                return new PresentationContextAc(context.id(), PresentationContextAc.ACCEPTANCE, syntax);
            }
        }
        return new PresentationContextAc(context.id(), PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                context.transferSyntaxes().get(0));
    }

    private static boolean requestorIsScp(String sopClassUid, List<RoleSelection> roles) {
        return roles.stream().anyMatch(role -> role.sopClassUid().equals(sopClassUid) && role.scpRole());
    }

    /** The acceptor's answers to the proposed role selections: each accepted as proposed (PS3.7 §D.3.3.4). */
    public static List<RoleSelection> answerRoles(List<RoleSelection> proposed) {
        return List.copyOf(proposed);
    }
}
