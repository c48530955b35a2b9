package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical element lines: {@code GGGGEEEE[/item/GGGGEEEE...] VR value}. Strings are decoded, split and stripped of
 * spaces and NULs; integers decimal; floats as IEEE bit patterns; tags as 8 hex digits; byte values, little endian,
 * and encapsulated items (as their little endian item encoding, each padded to even length) as length and SHA-1, OB and UN values without a
 * final NUL padding byte.
 */
final class CanonicalFormat {
    private CanonicalFormat() {
    }

    static void elements(StringBuilder text, String prefix, Attributes dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            int tag = dataset.tagAt(i);
            String path = prefix + String.format("%08X", tag);
            VR vr = dataset.vrAt(i);
            Object value = dataset.valueAt(i);
            text.append(path).append(' ').append(vr).append(' ');
            if (value instanceof Sequence sequence) {
                text.append("items=").append(sequence.size()).append('\n');
                for (int item = 0; item < sequence.size(); item++) {
                    elements(text, path + "/" + item + "/", sequence.get(item));
                }
                continue;
            }
            text.append(value(dataset, tag, vr, value)).append('\n');
        }
    }

    private static String value(Attributes dataset, int tag, VR vr, Object value) {
        if (value instanceof Fragments fragments) {
            return digest(items(fragments));
        }
        if (!(value instanceof byte[] bytes)) {
            return "bulk";
        }
        return switch (vr.kind()) {
            case STRING, TEXT -> strings(dataset.getStrings(tag), vr);
            case INTEGER -> join(vr.decodeIntegers(bytes));
            case TAG -> tags(dataset.getTags(tag));
            case FLOAT -> floats(vr, bytes);
            default -> digest(vr == VR.OB || vr == VR.UN ? withoutPadding(bytes) : bytes);
        };
    }

    /** An even-length byte value without its final NUL, so that padding an odd value to even length digests the same. */
    private static byte[] withoutPadding(byte[] bytes) {
        boolean padded = bytes.length > 0 && bytes.length % 2 == 0 && bytes[bytes.length - 1] == 0;
        return padded ? java.util.Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    private static String strings(String[] values, VR vr) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String value = strip(values[i]);
            text.append(i == 0 ? "" : "\\").append(vr == VR.PN ? withoutEmptyGroups(value) : value);
        }
        return "[" + text.toString().replace("\r", "\\r").replace("\n", "\\n") + "]";
    }

    /** A PN value without trailing empty component groups ("Wang^XiaoDong=王^小東=" has two groups). */
    private static String withoutEmptyGroups(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        return value.substring(0, end);
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == 0)) {
            end--;
        }
        return value.substring(start, end);
    }

    private static String join(long[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : "\\").append(values[i]);
        }
        return text.toString();
    }

    private static String tags(int[] tags) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tags.length; i++) {
            text.append(i == 0 ? "" : "\\").append(String.format("%08X", tags[i]));
        }
        return text.toString();
    }

    private static String floats(VR vr, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder text = new StringBuilder();
        int size = vr == VR.FL ? 4 : 8;
        for (int i = 0; i + size <= bytes.length; i += size) {
            text.append(i == 0 ? "" : "\\");
            text.append(size == 4 ? String.format("%08X", buffer.getInt(i)) : String.format("%016X", buffer.getLong(i)));
        }
        return text.toString();
    }

    private static byte[] items(Fragments fragments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] item : fragments.items()) {
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            header.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(item.length + (item.length & 1));
            out.writeBytes(header.array());
            out.writeBytes(item);
            if ((item.length & 1) == 1) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    static String digest(byte[] bytes) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(bytes);
            return "len=" + bytes.length + " sha1=" + HexFormat.of().formatHex(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tagPath(int tag) {
        return Tag.toString(tag);
    }
}
