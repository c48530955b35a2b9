package io.hounsfield.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives every inbound message: answers a resent message (same sender and MSH-10) with the
 * acknowledgment it got the first time, hands new ones to their handler in one transaction, and
 * turns any failure into an AE/AR acknowledgment with an ERR segment, having changed nothing.
 */
@Component
class Hl7Receiver implements ReceivingApplication<Message> {

    private static final System.Logger LOG = System.getLogger(Hl7Receiver.class.getName());

    private final Map<String, MessageHandler> handlers;
    private final MessageLog log;
    private final TransactionTemplate transaction;

    Hl7Receiver(List<MessageHandler> handlers, MessageLog log, TransactionTemplate transaction) {
        this.handlers = handlers.stream().flatMap(handler -> handler.messageTypes().stream()
                        .map(type -> Map.entry(type, handler)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.log = log;
        this.transaction = transaction;
    }

    @Override
    public boolean canProcess(Message message) {
        return true;
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
        Terser terser = new Terser(message);
        String sender = terser.get("/MSH-3-1");
        String controlId = terser.get("/MSH-10");
        String type = terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2");
        if (sender == null || controlId == null) {
            return acknowledge(message, AcknowledgmentCode.AR,
                    new HL7Exception("MSH-3 (sending application) and MSH-10 (control id) are required",
                            ErrorCode.REQUIRED_FIELD_MISSING));
        }
        var earlier = log.acknowledgmentFor(sender, controlId);
        if (earlier.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "{0} resent {1} {2}: answered as before", sender, type, controlId);
            return message.getParser().parse(earlier.get());
        }
        Actor actor = new Actor(sender, "HL7", (String) metadata.get(MetadataKeys.IN_SENDING_IP));
        Message acknowledgment = handle(message, terser, type, actor);
        log.record(sender, controlId, type, new Terser(acknowledgment).get("/MSA-1"), encode(acknowledgment));
        return acknowledgment;
    }

    private Message handle(Message message, Terser terser, String type, Actor actor) throws HL7Exception {
        MessageHandler handler = handlers.get(type);
        if (handler == null) {
            return acknowledge(message, AcknowledgmentCode.AR,
                    new HL7Exception("message type " + type + " is not supported", ErrorCode.UNSUPPORTED_MESSAGE_TYPE));
        }
        try {
            transaction.executeWithoutResult(status -> {
                try {
                    handler.handle(terser, actor);
                } catch (HL7Exception e) {
                    throw new UncheckedHl7Exception(e);
                }
            });
            return acknowledge(message, AcknowledgmentCode.AA, null);
        } catch (HounsfieldException e) {
            return acknowledge(message, AcknowledgmentCode.valueOf(e.failure().hl7AcknowledgmentCode()),
                    new HL7Exception(e.getMessage(), Integer.parseInt(e.failure().hl7ErrorCode())));
        } catch (UncheckedHl7Exception e) {
            return acknowledge(message, AcknowledgmentCode.AE, e.getCause());
        } catch (IllegalArgumentException e) {
            return acknowledge(message, AcknowledgmentCode.AE, new HL7Exception(e.getMessage(), ErrorCode.DATA_TYPE_ERROR));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "HL7 " + type + " from " + actor.name() + " failed", e);
            return acknowledge(message, AcknowledgmentCode.AE, new HL7Exception(
                    "internal error; the message was not applied and the error is logged", ErrorCode.APPLICATION_INTERNAL_ERROR));
        }
    }

    private static Message acknowledge(Message message, AcknowledgmentCode code, HL7Exception error) throws HL7Exception {
        if (error != null) {
            LOG.log(System.Logger.Level.WARNING, "HL7 message refused ({0}): {1}", code, error.getMessage());
        }
        try {
            return error == null ? message.generateACK() : message.generateACK(code, error);
        } catch (IOException e) {
            throw new HL7Exception("could not build the acknowledgment", e);
        }
    }

    private static String encode(Message message) throws HL7Exception {
        return message.encode();
    }

    /** Carries a checked HL7 exception out of the transaction callback, which rolls back on it. */
    private static final class UncheckedHl7Exception extends RuntimeException {

        UncheckedHl7Exception(HL7Exception cause) {
            super(cause);
        }

        @Override
        public synchronized HL7Exception getCause() {
            return (HL7Exception) super.getCause();
        }
    }
}
