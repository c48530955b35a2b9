package io.hounsfield.dicom.data;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The character sets reachable through ISO 2022 escape sequences, with the Java charset that decodes a run of bytes
 * while that set is designated (PS3.3 C.12.1.1.2, PS3.5 §6.1.2.5).
 */
enum CodeElement {
    ASCII("ISO 2022 IR 6", false, "ISO-8859-1", 0x1B, 0x28, 0x42),
    JIS_X0201_ROMAN("ISO 2022 IR 13", false, "ISO-8859-1", 0x1B, 0x28, 0x4A),
    JIS_X0201_KATAKANA("ISO 2022 IR 13", true, "JIS_X0201", 0x1B, 0x29, 0x49),
    JIS_X0208("ISO 2022 IR 87", false, "ISO-2022-JP", 0x1B, 0x24, 0x42),
    JIS_X0212("ISO 2022 IR 159", false, "ISO-2022-JP-2", 0x1B, 0x24, 0x28, 0x44),
    KS_X1001("ISO 2022 IR 149", true, "EUC-KR", 0x1B, 0x24, 0x29, 0x43),
    GB2312("ISO 2022 IR 58", true, "GB2312", 0x1B, 0x24, 0x29, 0x41),
    LATIN1("ISO 2022 IR 100", true, "ISO-8859-1", 0x1B, 0x2D, 0x41),
    LATIN2("ISO 2022 IR 101", true, "ISO-8859-2", 0x1B, 0x2D, 0x42),
    LATIN3("ISO 2022 IR 109", true, "ISO-8859-3", 0x1B, 0x2D, 0x43),
    LATIN4("ISO 2022 IR 110", true, "ISO-8859-4", 0x1B, 0x2D, 0x44),
    CYRILLIC("ISO 2022 IR 144", true, "ISO-8859-5", 0x1B, 0x2D, 0x4C),
    ARABIC("ISO 2022 IR 127", true, "ISO-8859-6", 0x1B, 0x2D, 0x47),
    GREEK("ISO 2022 IR 126", true, "ISO-8859-7", 0x1B, 0x2D, 0x46),
    HEBREW("ISO 2022 IR 138", true, "ISO-8859-8", 0x1B, 0x2D, 0x48),
    LATIN5("ISO 2022 IR 148", true, "ISO-8859-9", 0x1B, 0x2D, 0x4D),
    THAI("ISO 2022 IR 166", true, "TIS-620", 0x1B, 0x2D, 0x54),
    LATIN9("ISO 2022 IR 203", true, "ISO-8859-15", 0x1B, 0x2D, 0x62);

    private final String term;
    private final boolean g1;
    private final String charsetName;
    private final byte[] escape;

    CodeElement(String term, boolean g1, String charsetName, int... escape) {
        this.term = term;
        this.g1 = g1;
        this.charsetName = charsetName;
        this.escape = new byte[escape.length];
        for (int i = 0; i < escape.length; i++) {
            this.escape[i] = (byte) escape[i];
        }
    }

    /** The defined term of (0008,0005) that enables this set. */
    String term() {
        return term;
    }

    /** Whether the set is designated to G1 (bytes with the high bit set) rather than G0. */
    boolean isG1() {
        return g1;
    }

    byte[] escape() {
        return escape.clone();
    }

    /** Whether the set needs its escape sequence in front of the bytes to decode (multi-byte G0 sets). */
    boolean decodesWithEscape() {
        return this == JIS_X0208 || this == JIS_X0212;
    }

    /** The JDK charset for this set, or ISO-8859-1 when the JDK lacks it. */
    Charset charset() {
        return Charset.isSupported(charsetName) ? Charset.forName(charsetName) : Charset.forName("ISO-8859-1");
    }

    /** The code element whose escape sequence starts at {@code offset}, or {@code null}. */
    static CodeElement ofEscape(byte[] bytes, int offset) {
        for (CodeElement element : values()) {
            int length = element.escape.length;
            if (offset + length <= bytes.length
                    && Arrays.equals(bytes, offset, offset + length, element.escape, 0, length)) {
                return element;
            }
        }
        return null;
    }

    /** The code elements a defined term enables: G0 first, then G1 if any. */
    static CodeElement[] ofTerm(String term) {
        String normalized = term.strip();
        if (normalized.isEmpty() || normalized.equals("ISO 2022 IR 6")) {
            return new CodeElement[] {ASCII};
        }
        if (normalized.equals("ISO 2022 IR 13")) {
            return new CodeElement[] {JIS_X0201_ROMAN, JIS_X0201_KATAKANA};
        }
        for (CodeElement element : values()) {
            if (element.term.equals(normalized)) {
                return new CodeElement[] {element};
            }
        }
        return new CodeElement[0];
    }
}
