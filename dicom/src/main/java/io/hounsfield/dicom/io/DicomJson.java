package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * The DICOM JSON Model (PS3.18 Annex F.2): a data set as a JSON object keyed by eight upper-case hex digits of each
 * tag (§F.2.1), each attribute an object with {@code vr} and {@code Value}, {@code InlineBinary} or
 * {@code BulkDataURI} (§F.2.2). Person names are objects with {@code Alphabetic}, {@code Ideographic} and
 * {@code Phonetic} (§F.2.2), IS, DS and the binary numbers are JSON numbers, AT values are hex strings, sequences
 * are arrays of item objects (§F.2.3), empty values of a multi-valued attribute are {@code null} (§F.2.5) and an
 * attribute without value has no {@code Value} at all. Binary values held in memory (OB, OW, UN, ...) are written
 * as base64 {@code InlineBinary} (§F.2.7); values left in their file ({@link BulkData}) and encapsulated pixel data
 * get a {@code BulkDataURI} from the {@link BulkDataLocator}, or are left out when it has none. Group lengths are
 * left out. Strings are written decoded, as Unicode (JSON is UTF-8, §F.2).
 */
public final class DicomJson {
    /** Where the value of a bulk data element can be retrieved (PS3.18 §F.2.6), or {@code null} to leave it out. */
    @FunctionalInterface
    public interface BulkDataLocator {
        String uri(Attributes dataset, int tag);
    }

    /** Leaves out bulk data that is not in memory; everything else is written. */
    public static final DicomJson DEFAULT = new DicomJson((dataset, tag) -> null);

    private final BulkDataLocator locator;

    public DicomJson(BulkDataLocator locator) {
        this.locator = locator;
    }

    /** {@code dataset} as one JSON object. */
    public String toJson(Attributes dataset) {
        StringBuilder json = new StringBuilder(256);
        writeObject(dataset, json);
        return json.toString();
    }

    /** {@code datasets} as a JSON array of objects, as QIDO-RS answers (PS3.18 §F.2, §10.6.3.3). */
    public String toJson(List<Attributes> datasets) {
        StringBuilder json = new StringBuilder(256 * datasets.size() + 2);
        json.append('[');
        for (int i = 0; i < datasets.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            writeObject(datasets.get(i), json);
        }
        return json.append(']').toString();
    }

    /** Writes {@code dataset} as one JSON object to {@code out}. */
    public void writeObject(Attributes dataset, Appendable out) {
        try {
            out.append('{');
            boolean first = true;
            for (int index = 0; index < dataset.size(); index++) {
                int tag = dataset.tagAt(index);
                if (Tag.isGroupLength(tag) || !writable(dataset, index)) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append('"').append(String.format("%08X", tag)).append("\":");
                writeAttribute(dataset, index, out);
            }
            out.append('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean writable(Attributes dataset, int index) {
        Object value = dataset.valueAt(index);
        return !(value instanceof BulkData || value instanceof Fragments)
                || locator.uri(dataset, dataset.tagAt(index)) != null;
    }

    private void writeAttribute(Attributes dataset, int index, Appendable out) throws IOException {
        VR vr = dataset.vrAt(index);
        Object value = dataset.valueAt(index);
        out.append("{\"vr\":\"").append(vr.name()).append('"');
        if (value instanceof BulkData || value instanceof Fragments) {
            out.append(",\"BulkDataURI\":");
            string(locator.uri(dataset, dataset.tagAt(index)), out);
        } else if (value instanceof Sequence sequence) {
            if (!sequence.isEmpty()) {
                out.append(",\"Value\":[");
                for (int i = 0; i < sequence.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeObject(sequence.get(i), out);
                }
                out.append(']');
            }
        } else if (value instanceof byte[] bytes && bytes.length > 0) {
            if (vr.kind() == VR.Kind.BYTES) {
                out.append(",\"InlineBinary\":\"").append(Base64.getEncoder().encodeToString(bytes)).append('"');
            } else {
                out.append(",\"Value\":");
                JsonValues.write(dataset, dataset.tagAt(index), vr, out);
            }
        }
        out.append('}');
    }

    /** A JSON string literal (RFC 8259 §7), or {@code null}. */
    static void string(String value, Appendable out) throws IOException {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether {@code text} is a number JSON can carry: IS and DS as JSON numbers (§F.2.3). */
    static String number(String text) {
        try {
            return new BigDecimal(text.strip()).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
