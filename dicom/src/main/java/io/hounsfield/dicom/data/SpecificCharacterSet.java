package io.hounsfield.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decoding and encoding of character strings by the Specific Character Set (0008,0005) (PS3.5 §6.1, PS3.3 C.12.1.1.2):
 * the default repertoire, single-byte sets, UTF-8, GB18030/GBK, and ISO 2022 code extensions with escape sequences.
 * Common misspellings of the defined terms ({@code ISO-IR 192}, {@code ISO_IR192}, {@code ISO2022 IR 87}, {@code UTF-8})
 * are read as the term they mean, with a warning, as pydicom does; unknown terms fall back to the default repertoire,
 * also with a warning. The default repertoire decodes leniently as ISO-8859-1.
 */
public final class SpecificCharacterSet {
    /** The default character repertoire (ISO-IR 6). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], StandardCharsets.ISO_8859_1, null);

    private static final Map<String, String> SINGLE_SETS = Map.ofEntries(
            Map.entry("ISO_IR 6", "ISO-8859-1"), Map.entry("ISO_IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO_IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"), Map.entry("GBK", "GBK"));

    private static final System.Logger LOG = System.getLogger(SpecificCharacterSet.class.getName());
    private static final Pattern MISSPELLED_SINGLE = Pattern.compile("ISO[ _-]?IR[ _-]?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSPELLED_EXTENSION = Pattern.compile("ISO[ _-]?2022[ _-]?IR[ _-]?(\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UTF_8 = Pattern.compile("UTF-?8", Pattern.CASE_INSENSITIVE);
    /** Terms already warned about, so that a feed of misspelled objects does not flood the log; bounded. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final String[] terms;
    private final Charset charset;
    private final Iso2022 iso2022;

    private SpecificCharacterSet(String[] terms, Charset charset, Iso2022 iso2022) {
        this.terms = terms;
        this.charset = charset;
        this.iso2022 = iso2022;
    }

    /** The character set named by the values of (0008,0005). */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0 || (values.length == 1 && values[0].isBlank())) {
            return DEFAULT;
        }
        String[] terms = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            terms[i] = corrected(values[i].strip());
        }
        boolean extensions = terms.length > 1;
        for (String term : terms) {
            extensions |= term.strip().startsWith("ISO 2022");
        }
        if (!extensions) {
            String name = SINGLE_SETS.get(terms[0]);
            if (name == null || !Charset.isSupported(name)) {
                warn(terms[0], "is not a known character set; read as the default repertoire");
                return DEFAULT;
            }
            return new SpecificCharacterSet(terms, Charset.forName(name), null);
        }
        List<CodeElement> elements = new ArrayList<>();
        for (String term : terms) {
            for (CodeElement element : CodeElement.ofTerm(term)) {
                elements.add(element);
            }
        }
        return new SpecificCharacterSet(terms, StandardCharsets.ISO_8859_1, new Iso2022(elements));
    }

    /** The defined term a common misspelling means (pydicom's corrections, and UTF-8 spelled as such), or the term. */
    static String corrected(String term) {
        if (term.isEmpty() || SINGLE_SETS.containsKey(term) || term.startsWith("ISO 2022 IR ")) {
            return term;
        }
        String patched = null;
        Matcher single = MISSPELLED_SINGLE.matcher(term);
        Matcher extension = MISSPELLED_EXTENSION.matcher(term);
        if (single.matches()) {
            patched = "ISO_IR " + single.group(1);
        } else if (extension.matches()) {
            patched = "ISO 2022 IR " + extension.group(1);
        } else if (UTF_8.matcher(term).matches()) {
            patched = "ISO_IR 192";
        }
        if (patched == null) {
            return term;
        }
        warn(term, "is not a defined term; read as " + patched);
        return patched;
    }

    private static void warn(String term, String what) {
        if (WARNED.size() < 100 && WARNED.add(term)) {
            LOG.log(System.Logger.Level.WARNING, "Specific Character Set \"{0}\" {1}", term, what);
        }
    }

    /** The defined terms this set was made from. */
    public String[] terms() {
        return terms.clone();
    }

    /** Whether this set uses ISO 2022 code extensions. */
    public boolean usesCodeExtensions() {
        return iso2022 != null;
    }

    /** Decodes a value of {@code vr} to text. */
    public String decode(byte[] value, VR vr) {
        if (iso2022 != null) {
            return iso2022.decode(value);
        }
        return new String(value, charset);
    }

    /** Encodes text as a value of {@code vr}, without padding. */
    public byte[] encode(String text, VR vr) {
        if (iso2022 != null) {
            return iso2022.encode(text);
        }
        return text.getBytes(charset);
    }

    /** Whether {@code text} can be encoded in this set without loss (with code extensions: ASCII only). */
    public boolean canEncode(String text) {
        if (iso2022 != null) {
            return text.chars().allMatch(c -> c < 0x80);
        }
        return charset.newEncoder().canEncode(text);
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "ISO_IR 6" : String.join("\\", terms);
    }
}
