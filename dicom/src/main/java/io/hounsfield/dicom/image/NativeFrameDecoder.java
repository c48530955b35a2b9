package io.hounsfield.dicom.image;

/**
 * Native (uncompressed) frames, little endian as the toolkit holds values (PS3.5 §8.1.1, §8.2): bits allocated 1, 8,
 * 16 or 32, planar configuration 0 or 1, and YBR_FULL_422 upsampled to YBR_FULL (PS3.3 §C.7.6.3.1.2).
 */
final class NativeFrameDecoder implements FrameDecoder {
    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        long bits = d.nativeFrameBits();
        if ((long) frame.length * 8 < bits) {
            throw new PixelDataException("the frame has " + frame.length + " bytes of pixel data, " + (bits + 7) / 8
                    + " expected for " + d.rows() + "x" + d.columns() + " pixels of " + d.bitsAllocated() + " bits");
        }
        SampleUnpacker unpacker = new SampleUnpacker(d);
        boolean ybr422 = d.photometric().equals("YBR_FULL_422");
        int count = ybr422 ? 2 * d.pixelsPerFrame() : d.samplesPerPixel() * d.pixelsPerFrame();
        int[] stored = new int[count];
        for (int i = 0; i < count; i++) {
            stored[i] = unpacker.unpack(raw(frame, i, d.bitsAllocated()));
        }
        int spp = d.samplesPerPixel();
        int[] samples;
        String photometric = d.photometric();
        if (ybr422) {
            samples = upsample422(stored, d.pixelsPerFrame());
            photometric = "YBR_FULL";
        } else if (spp > 1 && d.planarConfiguration() == 1) {
            samples = interleave(stored, spp, d.pixelsPerFrame());
        } else {
            samples = stored;
        }
        return new Raster(d.rows(), d.columns(), spp, d.bitsStored(), d.signed(), photometric, samples);
    }

    private static int raw(byte[] frame, int i, int bitsAllocated) {
        return switch (bitsAllocated) {
            case 1 -> (frame[i >>> 3] >>> (i & 7)) & 1;
            case 8 -> frame[i] & 0xFF;
            case 16 -> (frame[2 * i] & 0xFF) | (frame[2 * i + 1] & 0xFF) << 8;
            default -> (frame[4 * i] & 0xFF) | (frame[4 * i + 1] & 0xFF) << 8 | (frame[4 * i + 2] & 0xFF) << 16
                    | (frame[4 * i + 3] & 0xFF) << 24;
        };
    }

    /** Planes (all of sample 0, then sample 1, ...) to pixels with their samples together. */
    static int[] interleave(int[] planes, int spp, int pixels) {
        int[] samples = new int[planes.length];
        for (int s = 0; s < spp; s++) {
            for (int p = 0; p < pixels; p++) {
                samples[p * spp + s] = planes[s * pixels + p];
            }
        }
        return samples;
    }

    /** Y1 Y2 Cb Cr for each pair of pixels to Y Cb Cr for each pixel. */
    private static int[] upsample422(int[] stored, int pixels) {
        int[] samples = new int[pixels * 3];
        for (int p = 0; p < pixels; p++) {
            int pair = (p / 2) * 4;
            samples[p * 3] = stored[pair + (p & 1)];
            samples[p * 3 + 1] = stored[pair + 2];
            samples[p * 3 + 2] = stored[pair + 3];
        }
        return samples;
    }
}
