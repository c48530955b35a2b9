package io.hounsfield.dicom.image;

/**
 * A decoded frame as native pixel data (PS3.5 §8.1.1): little endian, the samples of a pixel together (planar
 * configuration 0), e.g. to answer DICOMweb Retrieve Frames in Explicit VR Little Endian. The caller describes the
 * result with the raster's Photometric Interpretation (YBR_FULL_422 and JPEG's YBR come out as YBR_FULL).
 */
public final class NativeEncoder {
    private NativeEncoder() {
    }

    /** The samples of {@code raster} in {@code bitsAllocated} (1, 8, 16 or 32) bits each. */
    public static byte[] encode(Raster raster, int bitsAllocated) {
        int n = raster.length();
        switch (bitsAllocated) {
            case 1 -> {
                byte[] out = new byte[(n + 7) / 8];
                for (int i = 0; i < n; i++) {
                    out[i >>> 3] |= (byte) ((raster.sample(i / raster.samplesPerPixel() / raster.columns(),
                            i / raster.samplesPerPixel() % raster.columns(), i % raster.samplesPerPixel()) & 1)
                            << (i & 7));
                }
                return out;
            }
            case 8, 16, 32 -> {
                int unit = bitsAllocated / 8;
                int[] samples = raster.samples();
                byte[] out = new byte[n * unit];
                for (int i = 0; i < n; i++) {
                    for (int b = 0; b < unit; b++) {
                        out[i * unit + b] = (byte) (samples[i] >>> (8 * b));
                    }
                }
                return out;
            }
            default -> throw new IllegalArgumentException("bits allocated must be 1, 8, 16 or 32, not " + bitsAllocated);
        }
    }
}
