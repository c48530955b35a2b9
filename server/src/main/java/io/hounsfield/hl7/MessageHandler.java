package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import java.util.Set;

/** Acts on one family of inbound messages; runs inside the receiver's transaction. */
interface MessageHandler {

    /** Message types handled, as {@code MSH-9-1^MSH-9-2}, e.g. {@code ADT^A08}. */
    Set<String> messageTypes();

    void handle(Terser message, Actor sender) throws HL7Exception;
}
