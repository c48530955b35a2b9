package io.hounsfield.dicom.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Codecs for binary numeric values held little endian (PS3.5 §6.2, §7.3). */
final class BinaryValues {
    private BinaryValues() {
    }

    static long[] decodeIntegers(VR vr, byte[] value) {
        int size = vr.unitSize();
        long[] result = new long[value.length / size];
        ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < result.length; i++) {
            result[i] = switch (vr) {
                case US, AT, OW -> buffer.getShort(i * 2) & 0xFFFFL;
                case SS -> buffer.getShort(i * 2);
                case UL, OL -> buffer.getInt(i * 4) & 0xFFFFFFFFL;
                case SL -> buffer.getInt(i * 4);
                case SV, UV, OV -> buffer.getLong(i * 8);
                case OB, UN -> value[i] & 0xFFL;
                default -> throw new IllegalArgumentException(vr + " holds no integers");
            };
        }
        return result;
    }

    static byte[] encodeIntegers(VR vr, long[] values) {
        int size = vr.unitSize();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            switch (size) {
                case 1 -> buffer.put((byte) value);
                case 2 -> buffer.putShort((short) value);
                case 4 -> buffer.putInt((int) value);
                case 8 -> buffer.putLong(value);
                default -> throw new IllegalArgumentException(vr + " holds no integers");
            }
        }
        return buffer.array();
    }

    static double[] decodeFloats(VR vr, byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        return switch (vr) {
            case FL, OF -> {
                double[] result = new double[value.length / 4];
                for (int i = 0; i < result.length; i++) {
                    result[i] = buffer.getFloat(i * 4);
                }
                yield result;
            }
            case FD, OD -> {
                double[] result = new double[value.length / 8];
                for (int i = 0; i < result.length; i++) {
                    result[i] = buffer.getDouble(i * 8);
                }
                yield result;
            }
            default -> throw new IllegalArgumentException(vr + " holds no floating point numbers");
        };
    }

    static byte[] encodeFloats(VR vr, double[] values) {
        boolean single = vr == VR.FL || vr == VR.OF;
        if (!single && vr != VR.FD && vr != VR.OD) {
            throw new IllegalArgumentException(vr + " holds no floating point numbers");
        }
        ByteBuffer buffer = ByteBuffer.allocate(values.length * (single ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            if (single) {
                buffer.putFloat((float) value);
            } else {
                buffer.putDouble(value);
            }
        }
        return buffer.array();
    }

    /** Reverses the byte order of each {@code unitSize} unit in place (PS3.5 §7.3). */
    static void swap(byte[] value, int offset, int length, int unitSize) {
        if (unitSize <= 1) {
            return;
        }
        int end = offset + length - length % unitSize;
        for (int unit = offset; unit < end; unit += unitSize) {
            for (int i = 0, j = unitSize - 1; i < j; i++, j--) {
                byte b = value[unit + i];
                value[unit + i] = value[unit + j];
                value[unit + j] = b;
            }
        }
    }
}
