package io.hounsfield.dicom.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;

/**
 * ISO 2022 code extension techniques as DICOM uses them: escape sequences designate G0 and G1 sets, and the
 * initial designations return after each delimiter (PS3.5 §6.1.2.5.3).
 */
final class Iso2022 {
    private static final String DELIMITERS = "\\^=\r\n\t\f";

    private final List<CodeElement> elements;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    Iso2022(List<CodeElement> elements) {
        this.elements = elements.isEmpty() ? List.of(CodeElement.ASCII) : List.copyOf(elements);
        CodeElement first = this.elements.get(0);
        this.initialG0 = first.isG1() ? CodeElement.ASCII : first;
        CodeElement g1 = first.isG1() ? first : null;
        if (first == CodeElement.JIS_X0201_ROMAN && this.elements.size() > 1 && this.elements.get(1) == CodeElement.JIS_X0201_KATAKANA) {
            g1 = CodeElement.JIS_X0201_KATAKANA;
        }
        this.initialG1 = g1;
    }

    String decode(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int start = 0;
        int i = 0;
        while (i < bytes.length) {
            CodeElement designated = bytes[i] == 0x1B ? CodeElement.ofEscape(bytes, i) : null;
            if (designated == null) {
                i++;
                continue;
            }
            text.append(decodeRun(bytes, start, i, g0, g1));
            if (designated.isG1()) {
                g1 = designated;
            } else {
                g0 = designated;
            }
            i += designated.escape().length;
            start = i;
        }
        return text.append(decodeRun(bytes, start, bytes.length, g0, g1)).toString();
    }

    private static String decodeRun(byte[] bytes, int from, int to, CodeElement g0, CodeElement g1) {
        if (from >= to) {
            return "";
        }
        if (g0.decodesWithEscape()) {
            byte[] escape = g0.escape();
            byte[] run = new byte[escape.length + to - from];
            System.arraycopy(escape, 0, run, 0, escape.length);
            System.arraycopy(bytes, from, run, escape.length, to - from);
            return new String(run, g0.charset());
        }
        Charset charset = g1 == null ? CodeElement.ASCII.charset() : g1.charset();
        return new String(bytes, from, to - from, charset);
    }

    byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            i += character.length();
            if (codePoint < 0x80) {
                if (g0 != initialG0 && (g0.decodesWithEscape() || DELIMITERS.indexOf(codePoint) >= 0)) {
                    out.writeBytes(initialG0.escape());
                    g0 = initialG0;
                }
                out.write(codePoint);
                if (DELIMITERS.indexOf(codePoint) >= 0) {
                    g1 = initialG1;
                }
                continue;
            }
            CodeElement set = setFor(character);
            if (set.isG1() && set != g1) {
                out.writeBytes(set.escape());
                g1 = set;
            } else if (!set.isG1() && set != g0) {
                out.writeBytes(set.escape());
                g0 = set;
            }
            out.writeBytes(encodeIn(set, character));
        }
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escape());
        }
        return out.toByteArray();
    }

    private CodeElement setFor(String character) {
        for (CodeElement element : elements) {
            if (element != CodeElement.ASCII && element != CodeElement.JIS_X0201_ROMAN
                    && element.charset().newEncoder().canEncode(character)) {
                return element;
            }
        }
        return elements.get(0).isG1() ? elements.get(0) : CodeElement.LATIN1;
    }

    private static byte[] encodeIn(CodeElement set, String character) {
        CharsetEncoder encoder = set.charset().newEncoder();
        byte[] bytes = character.getBytes(set.charset());
        if (!set.decodesWithEscape()) {
            return encoder.canEncode(character) ? bytes : new byte[] {'?'};
        }
        int escape = set.escape().length;
        int trailer = CodeElement.ASCII.escape().length;
        if (bytes.length <= escape + trailer) {
            return new byte[0];
        }
        return java.util.Arrays.copyOfRange(bytes, escape, bytes.length - trailer);
    }
}
