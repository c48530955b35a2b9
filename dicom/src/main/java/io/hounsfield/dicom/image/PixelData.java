package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The pixel data of one image, frame by frame: its encoded bytes in the stored transfer syntax (for DICOMweb
 * Retrieve Frames) and its decoded stored values as a {@link Raster}. Frame numbers start at 1, as in DICOM and
 * DICOMweb. The Pixel Data value may be in memory ({@code byte[]} or {@link Fragments}) or left in the file
 * ({@link BulkData}).
 */
public final class PixelData {
    private final ImageDescription description;
    private final TransferSyntax syntax;
    private final Object value;
    private final EncapsulatedFrames encapsulated;
    /** For native big endian values in memory: the unit the reader swapped them in (OB 1, OW 2). */
    private final int swappedUnit;

    private PixelData(ImageDescription description, TransferSyntax syntax, Object value, EncapsulatedFrames frames,
            int swappedUnit) {
        this.description = description;
        this.syntax = syntax;
        this.value = value;
        this.encapsulated = frames;
        this.swappedUnit = swappedUnit;
    }

    public static PixelData of(DicomFile file) throws IOException {
        return of(file.dataset(), file.transferSyntax());
    }

    /**
     * The pixel data of {@code dataset}, read in {@code syntax} (a deflated one is inflated by the reader already).
     *
     * @throws PixelDataException if there is no Pixel Data or no usable Image Pixel description
     */
    public static PixelData of(Attributes dataset, TransferSyntax syntax) throws IOException {
        Object value = dataset.value(Tag.PIXEL_DATA);
        if (value == null) {
            throw new PixelDataException("the object has no Pixel Data");
        }
        ImageDescription description = ImageDescription.of(dataset);
        if (!syntax.encapsulated()) {
            if (value instanceof Fragments) {
                throw new PixelDataException("the Pixel Data is encapsulated in a native transfer syntax");
            }
            VR vr = dataset.vr(Tag.PIXEL_DATA);
            return new PixelData(description, syntax, value, null, vr == null ? 1 : Math.max(1, vr.unitSize()));
        }
        Fragments fragments = value instanceof Fragments f ? f
                : value instanceof BulkData bulk ? EncapsulatedFrames.readItems(bulk) : null;
        if (fragments == null) {
            throw new PixelDataException("the Pixel Data is native in the encapsulated transfer syntax " + syntax.uid());
        }
        return new PixelData(description, syntax, value,
                EncapsulatedFrames.of(fragments, description.frames(), dataset, syntax.uid()), 1);
    }

    public ImageDescription description() {
        return description;
    }

    public TransferSyntax transferSyntax() {
        return syntax;
    }

    public int frameCount() {
        return description.frames();
    }

    /** Whether this toolkit decodes the stored transfer syntax. */
    public boolean decodable() {
        return Decoders.forSyntax(syntax) != null;
    }

    /**
     * The bytes of frame {@code frameNumber} as stored: for native pixel data its slice (little endian; a frame of
     * 1-bit pixels starts at bit 0 of the first byte), for encapsulated pixel data its fragments joined.
     */
    public byte[] encodedFrame(int frameNumber) throws IOException {
        checkFrame(frameNumber);
        if (encapsulated != null) {
            return encapsulated.frame(frameNumber - 1);
        }
        return nativeFrame(frameNumber - 1);
    }

    /** The fragments of frame {@code frameNumber} of encapsulated pixel data, as stored. */
    public List<byte[]> encodedFragments(int frameNumber) throws IOException {
        checkFrame(frameNumber);
        if (encapsulated == null) {
            throw new PixelDataException("native pixel data has no fragments");
        }
        return encapsulated.fragments(frameNumber - 1);
    }

    /**
     * The stored values of frame {@code frameNumber}.
     *
     * @throws NotDecodableException if the transfer syntax (or this image's form of it) is not decoded here
     * @throws PixelDataException    if the frame does not exist or its data is truncated or malformed
     */
    public Raster decode(int frameNumber) throws IOException {
        checkFrame(frameNumber);
        FrameDecoder decoder = Decoders.forSyntax(syntax);
        if (decoder == null) {
            throw Decoders.notDecodable(syntax);
        }
        try {
            return decoder.decode(encodedFrame(frameNumber), description);
        } catch (NotDecodableException e) {
            throw e.transferSyntaxUid().equals(syntax.uid()) ? e
                    : new NotDecodableException(syntax.uid(), e.getMessage()); // a decoder of several syntaxes
        }
    }

    private void checkFrame(int frameNumber) throws PixelDataException {
        if (frameNumber < 1 || frameNumber > description.frames()) {
            throw new PixelDataException("frame " + frameNumber + " does not exist: the image has "
                    + description.frames() + (description.frames() == 1 ? " frame" : " frames"));
        }
    }

    private byte[] nativeFrame(int index) throws IOException {
        long frameBits = description.nativeFrameBits();
        long startBit = frameBits * index;
        long start = startBit / 8;
        int length = (int) ((startBit % 8 + frameBits + 7) / 8);
        long available = value instanceof byte[] bytes ? bytes.length : ((BulkData) value).length();
        if (start + length > available) {
            throw new PixelDataException("the pixel data is truncated: frame " + (index + 1) + " needs bytes up to "
                    + (start + length) + ", there are " + available);
        }
        byte[] slice = value instanceof byte[] bytes ? java.util.Arrays.copyOfRange(bytes, (int) start,
                (int) start + length) : readBulk((BulkData) value, start, length);
        int unit = description.bitsAllocated() / 8;
        if (value instanceof byte[] && syntax.bigEndian() && unit > 1 && swappedUnit != unit) {
            // The reader made each OB/OW unit little endian; samples are bits-allocated wide in big endian.
            swap(slice, swappedUnit);
            swap(slice, unit);
        }
        if (startBit % 8 != 0) {
            slice = shiftBits(slice, (int) (startBit % 8), (int) ((frameBits + 7) / 8));
        }
        return slice;
    }

    private byte[] readBulk(BulkData bulk, long start, int length) throws IOException {
        byte[] bytes = new byte[length];
        try (FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = bulk.offset() + start;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new PixelDataException("the pixel data is truncated in " + bulk.file().getFileName());
                }
            }
        }
        if (bulk.bigEndian()) {
            swap(bytes, description.bitsAllocated() / 8);
        }
        return bytes;
    }

    private static void swap(byte[] bytes, int unit) {
        for (int i = 0; unit > 1 && i + unit <= bytes.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = bytes[a];
                bytes[a] = bytes[b];
                bytes[b] = t;
            }
        }
    }

    /** 1-bit pixels of a frame that starts inside a byte, moved to start at bit 0. */
    private static byte[] shiftBits(byte[] in, int shift, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int low = (in[i] & 0xFF) >>> shift;
            int high = i + 1 < in.length ? (in[i + 1] & 0xFF) << (8 - shift) : 0;
            out[i] = (byte) (low | high);
        }
        return out;
    }

    static byte[] join(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0).clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
