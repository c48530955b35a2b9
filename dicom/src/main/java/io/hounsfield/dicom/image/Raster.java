package io.hounsfield.dicom.image;

/**
 * One decoded frame: the stored values of each pixel's samples, row by row, the samples of a pixel together
 * (whatever the planar configuration of the source). Values are masked to Bits Stored and sign-extended when
 * signed; nothing else is applied (no modality LUT, no palette, no colour conversion). Immutable.
 *
 * <p>Values up to 31 bits fit an {@code int}; unsigned 32-bit values are held as their bit pattern, read them with
 * {@link #value}.
 *
 * @param photometric the colour space of the values: MONOCHROME1, MONOCHROME2, PALETTE COLOR, RGB or YBR_FULL
 *                    (YBR_FULL_422 comes out upsampled as YBR_FULL)
 */
public final class Raster {
    private final int rows;
    private final int columns;
    private final int samplesPerPixel;
    private final int bitsStored;
    private final boolean signed;
    private final String photometric;
    private final int[] samples;

    /** A raster over {@code samples} (interleaved, taken as is: the caller gives up the array). */
    Raster(int rows, int columns, int samplesPerPixel, int bitsStored, boolean signed, String photometric,
            int[] samples) {
        if (samples.length != rows * columns * samplesPerPixel) {
            throw new IllegalArgumentException("expected " + rows * columns * samplesPerPixel + " samples, not "
                    + samples.length);
        }
        this.rows = rows;
        this.columns = columns;
        this.samplesPerPixel = samplesPerPixel;
        this.bitsStored = bitsStored;
        this.signed = signed;
        this.photometric = photometric;
        this.samples = samples;
    }

    /** A raster of the given values (copied), e.g. for tests and for images made in memory. */
    public static Raster of(int rows, int columns, int samplesPerPixel, int bitsStored, boolean signed,
            String photometric, int[] samples) {
        return new Raster(rows, columns, samplesPerPixel, bitsStored, signed, photometric, samples.clone());
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public int bitsStored() {
        return bitsStored;
    }

    public boolean signed() {
        return signed;
    }

    public String photometric() {
        return photometric;
    }

    /** The stored value of sample {@code sample} of the pixel at {@code row}, {@code column}. */
    public int sample(int row, int column, int sample) {
        return samples[index(row, column, sample)];
    }

    /** The same as a number, exact for unsigned 32-bit values. */
    public long value(int row, int column, int sample) {
        return value(index(row, column, sample));
    }

    /** The value at {@code index} of the interleaved samples (row by row, the samples of a pixel together). */
    public long value(int index) {
        int raw = samples[index];
        return signed ? raw : bitsStored == 32 ? raw & 0xFFFFFFFFL : raw;
    }

    /** The number of samples: rows × columns × samples per pixel. */
    public int length() {
        return samples.length;
    }

    /** A copy of the interleaved samples. */
    public int[] samples() {
        return samples.clone();
    }

    /** The smallest and largest stored value of sample 0 (for a default window). */
    public long[] range() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < samples.length; i += samplesPerPixel) {
            long v = value(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new long[] {min, max};
    }

    private int index(int row, int column, int sample) {
        if (row < 0 || row >= rows || column < 0 || column >= columns || sample < 0 || sample >= samplesPerPixel) {
            throw new IndexOutOfBoundsException("no sample " + sample + " at row " + row + ", column " + column
                    + " of a " + rows + "x" + columns + " raster");
        }
        return (row * columns + column) * samplesPerPixel + sample;
    }
}
