package io.hounsfield.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import io.hounsfield.system.DatabaseAvailability;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives every inbound message as bytes: decodes them in the message's character set ({@link MessageCharsets}),
 * answers a resent message (same sender and MSH-10) with the acknowledgment it got the first time, hands new ones to
 * their handler in one transaction, and turns any failure into an AE/AR acknowledgment with the reason in MSA-3 and
 * ERR, having changed nothing: MSA-1 and the ERR-3 code come from the error catalogue ({@link Failure}), so a
 * database that is away is AR (the sender sends the message again, which is then handled, not answered as before)
 * and a message whose content is wrong AE. The acknowledgment is written in the message's character set.
 */
@Component
class Hl7Receiver {

    private static final System.Logger LOG = System.getLogger(Hl7Receiver.class.getName());

    /** The versions documented (README, "HL7 v2 intake"); 2.1 and 2.2 lack fields the handlers rely on. */
    static final Set<String> SUPPORTED_VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");
    private static final int MSA_3_LENGTH = 80;

    private final Map<String, MessageHandler> handlers;
    private final MessageLog log;
    private final TransactionTemplate transaction;
    private final MessageCharsets charsets;
    private final Parser parser;
    private final DatabaseAvailability availability;

    Hl7Receiver(List<MessageHandler> handlers, MessageLog log, TransactionTemplate transaction,
            MessageCharsets charsets, Hl7Context context, DatabaseAvailability availability) {
        this.availability = availability;
        this.handlers = handlers.stream().flatMap(handler -> handler.messageTypes().stream()
                        .map(type -> Map.entry(type, handler)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.log = log;
        this.transaction = transaction;
        this.charsets = charsets;
        this.parser = context.hapi().getPipeParser();
    }

    /** The framed answer's content to one framed message; never throws. */
    byte[] receive(MllpServer.Frame frame, InetAddress from) {
        RawHeader header = RawHeader.of(frame.bytes());
        Charset charset = charsets.fallback();
        try {
            if (header == null) {
                throw new Hl7Refusal(Failure.MESSAGE_UNREADABLE, "the message does not start with an MSH segment");
            }
            charset = charsets.of(header);
            if (frame.truncated()) {
                throw new Hl7Refusal(Failure.TOO_LARGE, "the message is longer than " + frame.limit()
                        + " bytes (hounsfield.hl7.max-message-bytes) and was not applied");
            }
            String text = MessageCharsets.decode(frame.bytes(), charset, charsets.source(header));
            return bytes(process(text, from), charset);
        } catch (Hl7Refusal refusal) {
            // Only a message refused before it was read comes this far: process acknowledges the others itself.
            return bytes(answerUnread(header, refusal), charset);
        } catch (HL7Exception | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "HL7 message from " + from + " could not be answered normally", e);
            return bytes(answerUnread(header, unexpected(Failure.of(e))), charset);
        }
    }

    private String process(String text, InetAddress from) throws HL7Exception {
        Message message;
        try {
            message = parser.parse(text);
        } catch (HL7Exception e) {
            throw new Hl7Refusal(Failure.MESSAGE_UNREADABLE, "the message could not be read: " + e.getMessage());
        }
        Terser terser = new Terser(message);
        String sender = terser.get("/MSH-3-1");
        String controlId = terser.get("/MSH-10");
        String type = terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2");
        String version = terser.get("/MSH-12-1");
        if (sender == null || controlId == null) {
            return refuse(message, new Hl7Refusal(Failure.HEADER_INCOMPLETE,
                    "MSH-3 (sending application) and MSH-10 (control id) are required"));
        }
        if (version == null || !SUPPORTED_VERSIONS.contains(version.strip())) {
            return refuse(message, new Hl7Refusal(Failure.UNSUPPORTED_VERSION, "HL7 version "
                    + (version == null ? "(MSH-12 empty)" : version) + " is not supported; Hounsfield reads 2.3 to 2.5.1"));
        }
        if (!availability.available()) {
            // At once, as HTTP does, instead of waiting for a connection; AR, so that the sender sends it again.
            return refuse(message, unexpected(Failure.DATABASE_UNAVAILABLE));
        }
        var earlier = log.acknowledgmentFor(sender, controlId);
        if (earlier.isPresent()) {
            LOG.log(System.Logger.Level.INFO, "{0} resent {1} {2}: answered as before", sender, type, controlId);
            return earlier.get();
        }
        Actor actor = new Actor(sender, "HL7", from == null ? null : from.getHostAddress());
        String acknowledgment = handle(message, terser, type, actor);
        log.record(sender, controlId, type, new Terser(parser.parse(acknowledgment)).get("/MSA-1"), acknowledgment);
        return acknowledgment;
    }

    private String handle(Message message, Terser terser, String type, Actor actor) throws HL7Exception {
        MessageHandler handler = handlers.get(type);
        if (handler == null) {
            return refuse(message, new Hl7Refusal(Failure.UNSUPPORTED_OPERATION, "message type " + type
                    + " is not supported"));
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
            return refuse(message, new Hl7Refusal(e.failure(), e.getMessage()));
        } catch (UncheckedHl7Exception e) {
            // HAPI's own exceptions (a field it cannot read) are the content's fault too: AE with HAPI's code.
            return e.getCause() instanceof Hl7Refusal refusal ? refuse(message, refusal)
                    : acknowledge(message, AcknowledgmentCode.AE, e.getCause());
        } catch (IllegalArgumentException e) {
            return refuse(message, new Hl7Refusal(Failure.INVALID_INPUT, e.getMessage()));
        } catch (RuntimeException e) {
            if (Failure.of(e).mayPassLater()) {
                throw e; // answered by receive, and not recorded: the resend is handled again
            }
            LOG.log(System.Logger.Level.ERROR, "HL7 " + type + " from " + actor.name() + " failed", e);
            return refuse(message, unexpected(Failure.of(e)));
        }
    }

    /** The refusal of a message that met an unexpected failure here, not a fault of its content. */
    private static Hl7Refusal unexpected(Failure failure) {
        return new Hl7Refusal(failure, failure == Failure.INTERNAL
                ? "internal error; the message was not applied and the error is logged"
                : "not applied: " + failure.message());
    }

    /** The acknowledgment of a refused message: MSA-1 and the ERR-3 code as the catalogue gives them. */
    private static String refuse(Message message, Hl7Refusal refusal) throws HL7Exception {
        return acknowledge(message, AcknowledgmentCode.valueOf(refusal.failure().hl7AcknowledgmentCode()), refusal);
    }

    /** Answers a message that could not be decoded or parsed, from its MSH alone. */
    private String answerUnread(RawHeader header, Hl7Refusal refusal) {
        try {
            return refuse(parser.parse((header == null ? "MSH|^~\\&|||||||ACK|0|P|2.5.1" : header.segment()) + "\r"),
                    refusal);
        } catch (HL7Exception unreadableHeader) {
            try {
                Message bare = parser.parse("MSH|^~\\&|||||||ACK|" + controlIdOf(header) + "|P|2.5.1\r");
                return refuse(bare, refusal);
            } catch (HL7Exception impossible) {
                throw new IllegalStateException("a bare acknowledgment could not be built", impossible);
            }
        }
    }

    private static String controlIdOf(RawHeader header) {
        String controlId = header == null ? null : header.component1(10);
        return controlId == null ? "0" : controlId.replaceAll("[^A-Za-z0-9._-]", "");
    }

    /**
     * The acknowledgment, encoded. The reason goes in ERR (ERR-3/4/8, v2.5) and also in MSA-3 and ERR-1 (ELD), the
     * fields v2.3 and v2.4 senders read. OMI^O23 is answered ORI^O24, its response in v2.5.1 chapter 4 (4.4.11);
     * MSH-18 repeats the message's own.
     */
    private static String acknowledge(Message message, AcknowledgmentCode code, HL7Exception error) throws HL7Exception {
        Message acknowledgment;
        try {
            acknowledgment = error == null ? message.generateACK() : message.generateACK(code, error);
        } catch (IOException e) {
            throw new HL7Exception("could not build the acknowledgment", e);
        }
        Terser inbound = new Terser(message);
        Terser answer = new Terser(acknowledgment);
        if (error != null) {
            LOG.log(System.Logger.Level.WARNING, "HL7 message refused ({0}): {1}", code, error.getMessage());
            String reason = String.valueOf(error.getMessage());
            answer.set("/MSA-3", reason.length() > MSA_3_LENGTH ? reason.substring(0, MSA_3_LENGTH - 3) + "..." : reason);
            String version = inbound.get("/MSH-12-1");
            if (version != null && (version.startsWith("2.3") || version.startsWith("2.4"))) {
                answer.set("/ERR-1-4-1", String.valueOf(error.getErrorCode()));
                answer.set("/ERR-1-4-2", reason);
                answer.set("/ERR-1-4-3", "HL70357");
            }
        }
        String characterSet = inbound.get("/MSH-18");
        if (characterSet != null) {
            answer.set("/MSH-18", characterSet);
        }
        if ("OMI".equals(inbound.get("/MSH-9-1")) && "O23".equals(inbound.get("/MSH-9-2"))) {
            answer.set("/MSH-9-1", "ORI");
            answer.set("/MSH-9-2", "O24");
            answer.set("/MSH-9-3", "ORI_O24");
        }
        return acknowledgment.encode();
    }

    /** The answer in the message's character set; a character it cannot hold becomes '?'. */
    private static byte[] bytes(String acknowledgment, Charset charset) {
        try {
            ByteBuffer encoded = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(acknowledgment));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException impossibleWithReplace) {
            throw new IllegalStateException(impossibleWithReplace);
        }
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
