package io.hounsfield.dicom.data;

import java.util.ArrayList;
import java.util.List;

/** Splitting, trimming, joining and padding of character string values (PS3.5 §6.2, §6.4). */
final class StringValues {
    private static final String[] NONE = {};

    private StringValues() {
    }

    static String[] decode(VR vr, byte[] value, SpecificCharacterSet charset) {
        if (value.length == 0) {
            return NONE;
        }
        String text = vr.isCharsetSpecific() ? charset.decode(value, vr) : SpecificCharacterSet.DEFAULT.decode(value, vr);
        if (vr.kind() == VR.Kind.TEXT) {
            String trimmed = trimTrailing(text);
            return trimmed.isEmpty() ? NONE : new String[] {trimmed};
        }
        List<String> values = split(text);
        String[] result = new String[values.size()];
        for (int i = 0; i < result.length; i++) {
            String one = trimTrailing(values.get(i));
            result[i] = vr.trimsLeading() ? trimLeading(one) : one;
        }
        return result.length == 1 && result[0].isEmpty() ? NONE : result;
    }

    /** A null value is an empty one, never the text "null" (a leak modalities then match on). */
    static byte[] encode(VR vr, String[] values, SpecificCharacterSet charset) {
        values = java.util.Arrays.stream(values).map(value -> value == null ? "" : value).toArray(String[]::new);
        String joined = vr.kind() == VR.Kind.TEXT && values.length > 0 ? values[0] : String.join("\\", values);
        byte[] bytes = vr.isCharsetSpecific() ? charset.encode(joined, vr) : SpecificCharacterSet.DEFAULT.encode(joined, vr);
        return pad(bytes, vr.padding());
    }

    static byte[] pad(byte[] bytes, byte padding) {
        if ((bytes.length & 1) == 0) {
            return bytes;
        }
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        padded[bytes.length] = padding;
        return padded;
    }

    private static List<String> split(String text) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', start)) {
            values.add(text.substring(start, i));
            start = i + 1;
        }
        values.add(text.substring(start));
        return values;
    }

    static String trimTrailing(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String trimLeading(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == 0)) {
            start++;
        }
        return text.substring(start);
    }
}
