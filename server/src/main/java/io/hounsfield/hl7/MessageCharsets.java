package io.hounsfield.hl7;

import io.hounsfield.system.Failure;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The character set a message is written in: MSH-18 (HL7 table 0211, first repetition) when present, else the one
 * configured for its sending application (MSH-3), else the configured default.
 */
@Component
class MessageCharsets {

    /** DICOM's defined terms for ISO 8859 parts (PS3.3 C.12.1.1.2), which some feeds put in MSH-18. */
    private static final Map<String, Integer> ISO_IR_8859_PARTS = Map.of("100", 1, "101", 2, "109", 3, "110", 4,
            "144", 5, "127", 6, "126", 7, "138", 8, "148", 9, "203", 15);

    private final Charset fallback;
    private final Map<String, Charset> perSender;

    MessageCharsets(Hl7IntakeProperties settings) {
        fallback = named(settings.defaultCharset()).orElseThrow(() -> new IllegalStateException(
                "hounsfield.hl7.default-charset '" + settings.defaultCharset() + "' is not a known character set"));
        perSender = settings.charsets().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toUpperCase(Locale.ROOT),
                entry -> named(entry.getValue()).orElseThrow(() -> new IllegalStateException("hounsfield.hl7.charsets."
                        + entry.getKey() + " '" + entry.getValue() + "' is not a known character set"))));
    }

    /** The configured default, used also to answer a message whose own character set could not be told. */
    Charset fallback() {
        return fallback;
    }

    /** The character set of a message with this header; refused when MSH-18 names one not known or not usable. */
    Charset of(RawHeader header) throws Hl7Refusal {
        String declared = header.characterSet();
        if (declared == null) {
            String sender = header.sendingApplication();
            return sender == null ? fallback : perSender.getOrDefault(sender.toUpperCase(Locale.ROOT), fallback);
        }
        return named(declared).orElseThrow(() -> new Hl7Refusal(Failure.UNKNOWN_CHARACTER_SET, "MSH-18 character set '"
                + declared + "' is not supported; use ASCII, 8859/1 to 8859/9, 8859/15 or UNICODE UTF-8"));
    }

    /**
     * HL7 table 0211 values, their usual spellings (ISO-8859-1, UTF-8, ISO IR100, ISO_IR 100) and any Java name of a
     * character set that writes ASCII, and so the MLLP frame bytes, as single bytes. UTF-16 and UTF-32 cannot be
     * framed by MLLP and are not accepted.
     */
    static Optional<Charset> named(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        if (key.equals("ASCII") || key.equals("USASCII") || key.equals("ISOIR6")) {
            return Optional.of(StandardCharsets.US_ASCII);
        }
        if (key.equals("UNICODE") || key.equals("UNICODEUTF8") || key.equals("UTF8") || key.equals("ISOIR192")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (key.matches("8859/\\d{1,2}")) {
            return javaCharset("ISO-8859-" + key.substring(5));
        }
        if (key.matches("ISO8859\\d{1,2}")) {
            return javaCharset("ISO-8859-" + key.substring(7));
        }
        if (key.startsWith("ISOIR") && ISO_IR_8859_PARTS.containsKey(key.substring(5))) {
            return javaCharset("ISO-8859-" + ISO_IR_8859_PARTS.get(key.substring(5)));
        }
        return javaCharset(name.strip());
    }

    private static Optional<Charset> javaCharset(String name) {
        try {
            Charset charset = Charset.forName(name);
            return writesAsciiAsSingleBytes(charset) ? Optional.of(charset) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    private static boolean writesAsciiAsSingleBytes(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        String probe = "\u000b\u001c\r|^~\\&MSH09az";
        return java.util.Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The message's text, every byte checked: bytes that are not valid in the character set refuse the message
     * (nothing is stored with U+FFFD in place of a letter).
     */
    static String decode(byte[] message, Charset charset, String whereFrom) throws Hl7Refusal {
        int start = Math.max(0, RawHeader.startOfMsh(message));
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(message, start, message.length - start);
        CharBuffer text = CharBuffer.allocate((int) Math.ceil((message.length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(bytes, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            int offset = bytes.position();
            throw new Hl7Refusal(Failure.UNDECODABLE_CHARACTERS, String.format(Locale.ROOT, "byte 0x%02X at offset %d"
                    + " (segment %s) is not valid %s (%s); the message was not applied", message[offset] & 0xFF, offset,
                    segmentAt(message, offset), charset.name(), whereFrom));
        }
        return text.flip().toString();
    }

    /** Where the character set came from, for the reason given to the sender. */
    String source(RawHeader header) {
        if (header.characterSet() != null) {
            return "MSH-18 '" + header.characterSet() + "'";
        }
        String sender = header.sendingApplication();
        return sender != null && perSender.containsKey(sender.toUpperCase(Locale.ROOT))
                ? "configured for sending application " + sender + ", no MSH-18"
                : "the default without MSH-18";
    }

    private static String segmentAt(byte[] message, int offset) {
        int start = offset;
        while (start > 0 && message[start - 1] != '\r' && message[start - 1] != '\n') {
            start--;
        }
        return new String(message, start, Math.min(3, offset - start), StandardCharsets.ISO_8859_1);
    }
}
