package io.hounsfield.dicom.data;

import java.math.BigDecimal;

/** Conversions of element values to typed Java values (PS3.5 §6.2). */
final class AttributeValues {
    private static final String[] NO_STRINGS = {};

    private AttributeValues() {
    }

    static String[] strings(Attributes attributes, int tag) {
        int index = attributes.indexOf(tag);
        if (index < 0 || !(attributes.valueAt(index) instanceof byte[] bytes)) {
            return NO_STRINGS;
        }
        VR vr = attributes.vrAt(index);
        if (vr.isString()) {
            return vr.decodeStrings(bytes, attributes.specificCharacterSet());
        }
        if (vr == VR.AT) {
            return java.util.Arrays.stream(tags(attributes, tag)).mapToObj(Tag::toString).toArray(String[]::new);
        }
        if (vr.kind() == VR.Kind.INTEGER) {
            return java.util.Arrays.stream(vr.decodeIntegers(bytes)).mapToObj(Long::toString).toArray(String[]::new);
        }
        if (vr.kind() == VR.Kind.FLOAT) {
            return java.util.Arrays.stream(vr.decodeFloats(bytes)).mapToObj(Double::toString).toArray(String[]::new);
        }
        return NO_STRINGS;
    }

    static long[] longs(Attributes attributes, int tag) {
        int index = attributes.indexOf(tag);
        if (index < 0 || !(attributes.valueAt(index) instanceof byte[] bytes)) {
            return new long[0];
        }
        VR vr = attributes.vrAt(index);
        return switch (vr.kind()) {
            case INTEGER, TAG, BYTES -> vr == VR.OD || vr == VR.OF ? toLongs(vr.decodeFloats(bytes)) : vr.decodeIntegers(bytes);
            case FLOAT -> toLongs(vr.decodeFloats(bytes));
            case STRING, TEXT -> java.util.Arrays.stream(strings(attributes, tag))
                    .mapToLong(value -> decimal(tag, vr, value).longValue()).toArray();
            case SEQUENCE -> new long[0];
        };
    }

    static double[] doubles(Attributes attributes, int tag) {
        int index = attributes.indexOf(tag);
        if (index < 0 || !(attributes.valueAt(index) instanceof byte[] bytes)) {
            return new double[0];
        }
        VR vr = attributes.vrAt(index);
        return switch (vr.kind()) {
            case FLOAT -> vr.decodeFloats(bytes);
            case STRING, TEXT -> java.util.Arrays.stream(strings(attributes, tag))
                    .mapToDouble(value -> decimal(tag, vr, value).doubleValue()).toArray();
            default -> vr == VR.OD || vr == VR.OF ? vr.decodeFloats(bytes)
                    : java.util.Arrays.stream(longs(attributes, tag)).asDoubleStream().toArray();
        };
    }

    /** A numeric string value (IS, DS; PS3.5 Table 6.2-1), or a {@link DicomValueException} naming it. */
    private static BigDecimal decimal(int tag, VR vr, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new DicomValueException(tag, vr, value);
        }
    }

    static int[] tags(Attributes attributes, int tag) {
        long[] halves = VR.AT.decodeIntegers(attributes.bytes(tag) == null ? new byte[0] : attributes.bytes(tag));
        int[] result = new int[halves.length / 2];
        for (int i = 0; i < result.length; i++) {
            result[i] = Tag.of((int) halves[2 * i], (int) halves[2 * i + 1]);
        }
        return result;
    }

    private static long[] toLongs(double[] values) {
        return java.util.Arrays.stream(values).mapToLong(value -> (long) value).toArray();
    }

    /** Formats a DS value in at most 16 characters (PS3.5 Table 6.2-1). */
    static String formatDecimal(double value) {
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        if (text.length() <= 16) {
            return text;
        }
        for (int digits = 15; digits > 0; digits--) {
            String scientific = String.format("%." + digits + "G", value).replace("E+", "E");
            String plain = new BigDecimal(scientific).stripTrailingZeros().toString();
            if (plain.length() <= 16) {
                return plain;
            }
        }
        return Double.toString(value);
    }
}
