package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import java.io.IOException;

/**
 * The {@code Value} array of a DICOM JSON attribute with a non-empty value (PS3.18 §F.2.3, §F.2.5): strings,
 * person names as objects of component groups, IS, DS and binary numbers as JSON numbers, AT as hex strings.
 */
final class JsonValues {
    private static final String[] GROUPS = {"Alphabetic", "Ideographic", "Phonetic"};

    private JsonValues() {
    }

    static void write(Attributes dataset, int tag, VR vr, Appendable out) throws IOException {
        out.append('[');
        switch (vr.kind()) {
            case STRING, TEXT -> strings(dataset.getStrings(tag), vr, out);
            case TAG -> {
                int[] tags = dataset.getTags(tag);
                for (int i = 0; i < tags.length; i++) {
                    out.append(i > 0 ? "," : "").append('"').append(String.format("%08X", tags[i])).append('"');
                }
            }
            case INTEGER -> integers(vr, vr.decodeIntegers(dataset.bytes(tag)), out);
            case FLOAT -> floats(vr, vr.decodeFloats(dataset.bytes(tag)), out);
            default -> throw new IllegalArgumentException(vr + " has no JSON Value");
        }
        out.append(']');
    }

    private static void strings(String[] values, VR vr, Appendable out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values[i];
            if (value.isEmpty()) {
                out.append("null");
            } else if (vr == VR.PN) {
                personName(value, out);
            } else if (vr == VR.IS || vr == VR.DS) {
                String number = DicomJson.number(value);
                // A malformed number stays a string rather than being lost.
                if (number == null) {
                    DicomJson.string(value, out);
                } else {
                    out.append(number);
                }
            } else {
                DicomJson.string(value, out);
            }
        }
    }

    /** A PN value as an object of its non-empty component groups (PS3.18 §F.2.2, Table F.2.2-1). */
    private static void personName(String value, Appendable out) throws IOException {
        String[] groups = value.split("=", -1);
        out.append('{');
        boolean first = true;
        for (int i = 0; i < Math.min(groups.length, GROUPS.length); i++) {
            if (groups[i].isEmpty()) {
                continue;
            }
            out.append(first ? "" : ",").append('"').append(GROUPS[i]).append("\":");
            DicomJson.string(groups[i], out);
            first = false;
        }
        out.append('}');
    }

    private static void integers(VR vr, long[] values, Appendable out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? "," : "");
            out.append(vr == VR.UV ? Long.toUnsignedString(values[i]) : Long.toString(values[i]));
        }
    }

    private static void floats(VR vr, double[] values, Appendable out) throws IOException {
        for (int i = 0; i < values.length; i++) {
            out.append(i > 0 ? "," : "");
            double value = values[i];
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                // JSON has no NaN or infinity (RFC 8259 §6).
                out.append("null");
            } else if (vr == VR.FL) {
                out.append(Float.toString((float) value));
            } else {
                out.append(Double.toString(value));
            }
        }
    }
}
