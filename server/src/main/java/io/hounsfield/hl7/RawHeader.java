package io.hounsfield.hl7;

import java.nio.charset.StandardCharsets;

/**
 * The MSH segment read straight from the received bytes, before the message is decoded: the fields needed to
 * choose its character set and to answer it. MSH is written in ASCII, so reading its bytes as ISO 8859-1 is exact
 * for these fields.
 */
record RawHeader(String segment, char fieldSeparator, char componentSeparator) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The header of a message, or null when the bytes do not start with an MSH segment. */
    static RawHeader of(byte[] message) {
        int start = startOfMsh(message);
        if (start < 0 || message.length < start + 8) {
            return null;
        }
        int end = start;
        while (end < message.length && message[end] != '\r' && message[end] != '\n') {
            end++;
        }
        String segment = new String(message, start, end - start, StandardCharsets.ISO_8859_1);
        return new RawHeader(segment, segment.charAt(3), segment.charAt(4));
    }

    /** Where MSH starts: at 0, or after a UTF-8 byte order mark or leading line breaks some senders put first. */
    static int startOfMsh(byte[] message) {
        int start = 0;
        if (message.length >= 3 && message[0] == UTF8_BOM[0] && message[1] == UTF8_BOM[1] && message[2] == UTF8_BOM[2]) {
            start = 3;
        }
        while (start < message.length && (message[start] == '\r' || message[start] == '\n')) {
            start++;
        }
        return message.length >= start + 3 && message[start] == 'M' && message[start + 1] == 'S'
                && message[start + 2] == 'H' ? start : -1;
    }

    /** MSH-n, first repetition, as written (MSH-1 is the field separator itself), or null when empty. */
    String field(int number) {
        if (number == 1) {
            return String.valueOf(fieldSeparator);
        }
        String[] fields = segment.split(java.util.regex.Pattern.quote(String.valueOf(fieldSeparator)), -1);
        if (fields.length < number) {
            return null;
        }
        String value = fields[number - 1];
        if (number > 2 && segment.length() > 5) {
            int repetition = value.indexOf(segment.charAt(5));
            value = repetition < 0 ? value : value.substring(0, repetition);
        }
        return value.isBlank() ? null : value.strip();
    }

    /** The first component of MSH-n, or null when empty. */
    String component1(int number) {
        String value = field(number);
        if (value == null) {
            return null;
        }
        int separator = value.indexOf(componentSeparator);
        String first = separator < 0 ? value : value.substring(0, separator);
        return first.isBlank() ? null : first.strip();
    }

    String sendingApplication() {
        return component1(3);
    }

    /** MSH-18, the character set; its first repetition is the one the message starts in. */
    String characterSet() {
        return field(18);
    }
}
