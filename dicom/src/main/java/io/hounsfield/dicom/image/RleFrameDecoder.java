package io.hounsfield.dicom.image;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per byte of each
 * sample, most significant byte first.
 */
final class RleFrameDecoder implements FrameDecoder {
    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        if (frame.length < 64) {
            throw new PixelDataException("the RLE frame is " + frame.length + " bytes, shorter than its header");
        }
        int bytesPerSample = d.bitsAllocated() / 8;
        if (d.bitsAllocated() == 1) {
            throw new PixelDataException("RLE Lossless frames of 1 bit allocated are not defined");
        }
        int segments = readInt(frame, 0);
        int spp = d.samplesPerPixel();
        if (segments != spp * bytesPerSample) {
            throw new PixelDataException("the RLE frame has " + segments + " segments, " + spp * bytesPerSample
                    + " expected for " + spp + " samples of " + d.bitsAllocated() + " bits");
        }
        int pixels = d.pixelsPerFrame();
        int[] planes = new int[spp * pixels];
        for (int segment = 0; segment < segments; segment++) {
            int start = readInt(frame, 4 + 4 * segment);
            int end = segment + 1 < segments ? readInt(frame, 8 + 4 * segment) : frame.length;
            if (start < 64 || end > frame.length || end < start) {
                throw new PixelDataException("RLE segment " + (segment + 1) + " lies outside the frame");
            }
            byte[] bytes = unpackBits(frame, start, end, pixels, segment + 1);
            int sample = segment / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - segment % bytesPerSample);
            int base = sample * pixels;
            for (int p = 0; p < pixels; p++) {
                planes[base + p] |= (bytes[p] & 0xFF) << shift;
            }
        }
        SampleUnpacker unpacker = new SampleUnpacker(d);
        for (int i = 0; i < planes.length; i++) {
            planes[i] = unpacker.unpack(planes[i]);
        }
        int[] samples = spp == 1 ? planes : NativeFrameDecoder.interleave(planes, spp, pixels);
        return new Raster(d.rows(), d.columns(), spp, d.bitsStored(), d.signed(), d.photometric(), samples);
    }

    private static byte[] unpackBits(byte[] in, int start, int end, int length, int segment)
            throws PixelDataException {
        byte[] out = new byte[length];
        int o = 0;
        int i = start;
        while (o < length && i < end) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(length - o, end - i));
                System.arraycopy(in, i, out, o, count);
                i += n + 1;
                o += count;
            } else if (n != -128) {
                if (i >= end) {
                    break;
                }
                int count = Math.min(1 - n, length - o);
                java.util.Arrays.fill(out, o, o + count, in[i++]);
                o += count;
            }
        }
        if (o < length) {
            throw new PixelDataException("RLE segment " + segment + " ends after " + o + " of " + length + " bytes");
        }
        return out;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }
}
