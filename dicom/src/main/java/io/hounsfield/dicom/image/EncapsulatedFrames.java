package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fragments of encapsulated pixel data make up each frame (PS3.5 §A.4): from the Extended Offset Table,
 * else the Basic Offset Table, else one frame when there is one, one fragment per frame when the counts agree, or
 * a JPEG family start-of-image marker at the start of a fragment.
 */
final class EncapsulatedFrames {
    private static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
    private static final int ITEM_HEADER = 8;

    private final List<List<byte[]>> frames;

    private EncapsulatedFrames(List<List<byte[]>> frames) {
        this.frames = frames;
    }

    static EncapsulatedFrames of(Fragments items, int frameCount, Attributes dataset, String syntaxUid)
            throws PixelDataException {
        List<byte[]> fragments = items.fragments();
        if (fragments.isEmpty()) {
            throw new PixelDataException("the encapsulated pixel data has no fragments");
        }
        long[] offsets = offsets(items.offsetTable(), dataset);
        if (offsets.length > 0) {
            if (offsets.length != frameCount) {
                throw new PixelDataException("the offset table lists " + offsets.length + " frames, the image has "
                        + frameCount);
            }
            return new EncapsulatedFrames(byOffsets(fragments, offsets, dataset.contains(EXTENDED_OFFSET_TABLE)));
        }
        List<List<byte[]>> frames = new ArrayList<>();
        if (frameCount == 1) {
            frames.add(fragments);
        } else if (fragments.size() == frameCount) {
            fragments.forEach(fragment -> frames.add(List.of(fragment)));
        } else {
            for (byte[] fragment : fragments) {
                if (frames.isEmpty() || startsImage(fragment)) {
                    frames.add(new ArrayList<>());
                }
                frames.get(frames.size() - 1).add(fragment);
            }
            if (frames.size() != frameCount) {
                throw new PixelDataException("cannot tell the " + frameCount + " frames apart in "
                        + fragments.size() + " fragments without an offset table");
            }
        }
        return new EncapsulatedFrames(frames);
    }

    byte[] frame(int index) {
        return PixelData.join(frames.get(index));
    }

    List<byte[]> fragments(int index) {
        return List.copyOf(frames.get(index));
    }

    /** Frame offsets: from the Extended Offset Table (relative to the first fragment's item) or the basic one. */
    private static long[] offsets(byte[] basic, Attributes dataset) {
        byte[] extended = dataset.bytes(EXTENDED_OFFSET_TABLE);
        if (extended != null && extended.length >= 8) {
            long[] offsets = new long[extended.length / 8];
            for (int i = 0; i < offsets.length; i++) {
                for (int b = 7; b >= 0; b--) {
                    offsets[i] = (offsets[i] << 8) | (extended[8 * i + b] & 0xFF);
                }
            }
            return offsets;
        }
        long[] offsets = new long[basic.length / 4];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (basic[4 * i] & 0xFFL) | (basic[4 * i + 1] & 0xFFL) << 8 | (basic[4 * i + 2] & 0xFFL) << 16
                    | (basic[4 * i + 3] & 0xFFL) << 24;
        }
        return offsets;
    }

    private static List<List<byte[]>> byOffsets(List<byte[]> fragments, long[] offsets, boolean extended)
            throws PixelDataException {
        List<List<byte[]>> frames = new ArrayList<>();
        long position = 0;
        int next = 0;
        for (byte[] fragment : fragments) {
            while (next < offsets.length && offsets[next] == position) {
                frames.add(new ArrayList<>());
                next++;
            }
            if (frames.isEmpty() || next < offsets.length && offsets[next] < position) {
                throw new PixelDataException("the " + (extended ? "extended" : "basic")
                        + " offset table does not point at fragment starts");
            }
            frames.get(frames.size() - 1).add(fragment);
            position += ITEM_HEADER + fragment.length;
        }
        if (next != offsets.length) {
            throw new PixelDataException("the offset table points past the last fragment");
        }
        for (List<byte[]> frame : frames) {
            if (frame.isEmpty()) {
                throw new PixelDataException("the offset table lists a frame without fragments");
            }
        }
        return frames;
    }

    /** A JPEG (FFD8), JPEG-LS (FFD8) or JPEG 2000 codestream (FF4F) start. */
    private static boolean startsImage(byte[] fragment) {
        return fragment.length >= 2 && (fragment[0] & 0xFF) == 0xFF
                && ((fragment[1] & 0xFF) == 0xD8 || (fragment[1] & 0xFF) == 0x4F);
    }

    /** The items of encapsulated pixel data left in its file (each an Item tag, a 4-byte length and the value). */
    static Fragments readItems(BulkData bulk) throws IOException {
        Fragments fragments = new Fragments();
        try (InputStream in = Files.newInputStream(bulk.file())) {
            in.skipNBytes(bulk.offset());
            DataInputStream data = new DataInputStream(in);
            long read = 0;
            while (read + ITEM_HEADER <= bulk.length()) {
                int group = Short.reverseBytes(data.readShort()) & 0xFFFF;
                int element = Short.reverseBytes(data.readShort()) & 0xFFFF;
                long length = Integer.reverseBytes(data.readInt()) & 0xFFFFFFFFL;
                read += ITEM_HEADER;
                if (group == 0xFFFE && element == 0xE0DD) {
                    break;
                }
                if (group != 0xFFFE || element != 0xE000 || read + length > bulk.length()) {
                    throw new PixelDataException("the encapsulated pixel data in " + bulk.file().getFileName()
                            + " is malformed");
                }
                fragments.add(data.readNBytes((int) length));
                read += length;
            }
        } catch (EOFException e) {
            throw new PixelDataException("the encapsulated pixel data in " + bulk.file().getFileName()
                    + " is truncated", e);
        }
        return fragments;
    }
}
