package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.PrivateDictionary;

/** dcmdump-like lines: {@code (gggg,eeee) VR value  # length, VM Keyword}, items indented. */
final class DumpFormat {
    private static final int MAX_VALUE = 66;

    private DumpFormat() {
    }

    static void elements(StringBuilder text, Attributes dataset, int depth) {
        String indent = "  ".repeat(depth);
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            String shown;
            long length;
            int multiplicity;
            if (value instanceof Sequence sequence) {
                shown = "(Sequence #=" + sequence.size() + ")";
                length = -1;
                multiplicity = 1;
            } else if (value instanceof Fragments fragments) {
                shown = "(PixelSequence #=" + fragments.size() + ")";
                length = -1;
                multiplicity = 1;
            } else if (value instanceof BulkData bulkData) {
                shown = "(bulk data in " + bulkData.file() + ")";
                length = bulkData.length();
                multiplicity = 1;
            } else {
                byte[] bytes = (byte[]) value;
                String[] values = values(dataset, tag, vr, bytes);
                shown = bytes.length == 0 ? "(no value available)" : format(vr, values);
                length = bytes.length;
                multiplicity = vr.kind() == VR.Kind.BYTES ? 1 : values.length;
            }
            text.append(String.format("%s(%04x,%04x) %s %-" + Math.max(1, 40 - indent.length()) + "s # %4s, %d %s%n",
                    indent, tag >>> 16, tag & 0xFFFF, vr, shown, length < 0 ? "u/l" : Long.toString(length),
                    multiplicity, keyword(dataset, tag)));
            if (value instanceof Sequence sequence) {
                for (Attributes item : sequence) {
                    text.append(indent).append("  (fffe,e000) na (Item)\n");
                    elements(text, item, depth + 2);
                    text.append(indent).append("  (fffe,e00d) na (ItemDelimitationItem)\n");
                }
                text.append(indent).append("(fffe,e0dd) na (SequenceDelimitationItem)\n");
            }
        }
    }

    private static String[] values(Attributes dataset, int tag, VR vr, byte[] bytes) {
        if (vr.isString() || vr.kind() == VR.Kind.INTEGER || vr.kind() == VR.Kind.FLOAT || vr == VR.AT) {
            return dataset.getStrings(tag);
        }
        String[] hex = new String[Math.min(bytes.length, 24)];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = String.format("%02x", bytes[i]);
        }
        return hex;
    }

    private static String format(VR vr, String[] values) {
        String joined = String.join("\\", values);
        String shown = vr.isString() && vr != VR.UI ? "[" + joined + "]" : joined;
        return shown.length() > MAX_VALUE ? shown.substring(0, MAX_VALUE - 3) + "..." : shown;
    }

    private static String keyword(Attributes dataset, int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        if (!keyword.isEmpty()) {
            return keyword;
        }
        var entry = PrivateDictionary.lookup(dataset.privateCreatorOf(tag), tag);
        return entry == null ? (io.hounsfield.dicom.data.Tag.isPrivateCreator(tag) ? "PrivateCreator" : "Unknown")
                : entry.name();
    }
}
