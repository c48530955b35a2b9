package io.hounsfield.dicom.net.pdu;

import java.util.List;

/**
 * Presentation context item of an A-ASSOCIATE-RQ (PS3.8 §9.3.2.2): an odd id, one abstract syntax and the
 * transfer syntaxes proposed for it.
 */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
