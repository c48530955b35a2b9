package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The frames of a stored instance's pixel data, read as the file streams by, holding only the frames asked for
 * (PS3.18 §10.4.1.1.3). Native pixel data is cut into frames of Rows x Columns x Samples x Bits Allocated and turned
 * little endian; encapsulated pixel data (PS3.5 §A.4) is split into frames by the Extended Offset Table, else the
 * Basic Offset Table, else one fragment per frame, and a single frame takes all fragments. Each frame of an
 * encapsulated instance is its compressed bitstream, its fragments joined.
 */
final class StoredPixels {
    private StoredPixels() {
    }

    /** The frames numbered {@code numbers} (from 1), in that order. */
    static List<byte[]> frames(StoredFile file, List<Integer> numbers) throws IOException {
        Collector collector = new Collector(TransferSyntax.of(file.transferSyntaxUid()).bigEndian(),
                new TreeSet<>(numbers.stream().map(number -> number - 1).toList()));
        read(file, collector);
        List<byte[]> frames = new ArrayList<>();
        for (int number : numbers) {
            frames.add(collector.frames.get(number - 1).toByteArray());
        }
        return frames;
    }

    /** Every frame, in order. */
    static List<byte[]> allFrames(StoredFile file) throws IOException {
        Collector collector = new Collector(TransferSyntax.of(file.transferSyntaxUid()).bigEndian(), null);
        read(file, collector);
        return collector.frames.values().stream().map(ByteArrayOutputStream::toByteArray).toList();
    }

    private static void read(StoredFile file, Collector collector) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.file()), 64 * 1024)) {
            Part10.read(in, ReadOptions.DEFAULT.withPixelData(collector));
        }
        collector.finish();
    }

    private static HounsfieldException notFound(String reason) {
        return new HounsfieldException(Failure.NOT_FOUND, reason);
    }

    /** Takes the wanted frames (0-based; {@code null}: all) out of the pixel data as it streams by. */
    private static final class Collector implements PixelDataConsumer {
        private final boolean bigEndian;
        private final TreeSet<Integer> wanted;
        private final Map<Integer, ByteArrayOutputStream> frames = new TreeMap<>();
        private boolean seen;
        private int frameCount;
        private long[] offsets;
        private long position;
        private int fragments;

        Collector(boolean bigEndian, TreeSet<Integer> wanted) {
            this.bigEndian = bigEndian;
            this.wanted = wanted;
        }

        @Override
        public void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException {
            if (seen) {
                value.transferTo(java.io.OutputStream.nullOutputStream());
                return;
            }
            seen = true;
            frameCount = frameCount(dataset);
            int bitsAllocated = dataset.getInt(Tags.BitsAllocated, vr == VR.OF ? 32 : vr == VR.OD ? 64 : 16);
            long frameBits = (long) dataset.getInt(Tags.Rows, 0) * dataset.getInt(Tags.Columns, 0)
                    * Math.max(1, dataset.getInt(Tags.SamplesPerPixel, 1)) * bitsAllocated;
            if (frameBits == 0 || frameBits % 8 != 0) {
                throw notFound("the frames of this instance do not fill whole bytes (" + frameBits
                        + " bits a frame); retrieve the instance instead");
            }
            long frameLength = frameBits / 8;
            if (frameLength * frameCount > length || frameLength > ReadOptions.MAX_VALUE_LENGTH) {
                throw notFound("the pixel data holds " + length + " bytes, less than " + frameCount
                        + " frames of " + frameLength + " bytes");
            }
            checkWanted();
            long at = 0;
            for (int frame = 0; frame < frameCount; frame++) {
                if (wanted != null && !wanted.contains(frame)) {
                    continue;
                }
                value.skipNBytes(frame * frameLength - at);
                byte[] bytes = value.readNBytes((int) frameLength);
                if (bigEndian && bitsAllocated > 8) {
                    swap(bytes, bitsAllocated / 8);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
                out.writeBytes(bytes);
                frames.put(frame, out);
                at = (frame + 1) * frameLength;
            }
            value.transferTo(java.io.OutputStream.nullOutputStream());
        }

        @Override
        public void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException {
            if (index == 0) {
                seen = true;
                frameCount = frameCount(dataset);
                checkWanted();
                offsets = offsetTable(dataset, value.readAllBytes());
                return;
            }
            fragments++;
            int frame = frameOf(index);
            long start = position;
            position += 8 + length;
            if (frame >= frameCount) {
                throw notFound("fragment " + index + " at byte " + start + " lies beyond the " + frameCount
                        + " frames of the pixel data");
            }
            if (wanted == null || wanted.contains(frame)) {
                value.transferTo(frames.computeIfAbsent(frame, ignored -> new ByteArrayOutputStream()));
            } else {
                value.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }

        /** Big endian pixel cells of {@code unit} bytes turned little endian, in place. */
        private static void swap(byte[] bytes, int unit) {
            for (int i = 0; i + unit <= bytes.length; i += unit) {
                for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                    byte t = bytes[a];
                    bytes[a] = bytes[b];
                    bytes[b] = t;
                }
            }
        }

        private int frameOf(int fragmentIndex) {
            if (offsets != null) {
                int frame = 0;
                while (frame + 1 < offsets.length && offsets[frame + 1] <= position) {
                    frame++;
                }
                return frame;
            }
            return frameCount == 1 ? 0 : fragmentIndex - 1;
        }

        void finish() {
            if (!seen) {
                throw notFound("the instance has no pixel data");
            }
            if (offsets == null && frameCount > 1 && fragments != 0 && fragments != frameCount) {
                throw notFound("the pixel data has " + fragments + " fragments for " + frameCount
                        + " frames and no offset table, so its frames cannot be told apart; retrieve the instance");
            }
            for (int frame = 0; frame < frameCount; frame++) {
                if ((wanted == null || wanted.contains(frame)) && !frames.containsKey(frame)) {
                    throw notFound("frame " + (frame + 1) + " is missing from the pixel data");
                }
            }
        }

        private void checkWanted() {
            if (wanted != null && !wanted.isEmpty() && wanted.last() >= frameCount) {
                throw notFound("frame " + (wanted.last() + 1) + " does not exist: the instance has " + frameCount
                        + (frameCount == 1 ? " frame" : " frames"));
            }
        }

        private static int frameCount(Attributes dataset) {
            return Math.max(1, dataset.getInt(Tags.NumberOfFrames, 1));
        }

        /** The frames' offsets from the Extended (64-bit) or Basic (32-bit) Offset Table, or {@code null}. */
        private static long[] offsetTable(Attributes dataset, byte[] basic) {
            byte[] extended = dataset.bytes(Tags.ExtendedOffsetTable);
            ByteBuffer table;
            int size;
            if (extended != null && extended.length >= 8) {
                table = ByteBuffer.wrap(extended).order(ByteOrder.LITTLE_ENDIAN);
                size = 8;
            } else if (basic.length >= 4) {
                table = ByteBuffer.wrap(basic).order(ByteOrder.LITTLE_ENDIAN);
                size = 4;
            } else {
                return null;
            }
            long[] offsets = new long[table.remaining() / size];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = size == 8 ? table.getLong() : Integer.toUnsignedLong(table.getInt());
            }
            return offsets;
        }
    }
}
