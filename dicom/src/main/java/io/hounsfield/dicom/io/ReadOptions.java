package io.hounsfield.dicom.io;

/**
 * Limits and streaming choices of a {@link DicomReader}.
 *
 * @param maxElementLength the longest value accepted, in bytes; longer ones raise {@link DicomParseException}
 * @param maxDepth         the deepest nesting of sequences accepted
 * @param stopAtPixelData  stop at top-level (7FE0,0010) with the input positioned at its value
 * @param pixelData        if not {@code null}, receives top-level pixel data instead of the data set holding it
 */
public record ReadOptions(long maxElementLength, int maxDepth, boolean stopAtPixelData, PixelDataConsumer pixelData) {
    /** At most 2 GiB - 16 per element (a Java array's limit) and 64 nested sequences. */
    public static final ReadOptions DEFAULT = new ReadOptions(Integer.MAX_VALUE - 16, 64, false, null);

    public ReadOptions {
        if (maxElementLength < 0 || maxElementLength > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxElementLength must be 0.." + (Integer.MAX_VALUE - 16));
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative");
        }
    }

    public ReadOptions withMaxElementLength(long length) {
        return new ReadOptions(length, maxDepth, stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxDepth(int depth) {
        return new ReadOptions(maxElementLength, depth, stopAtPixelData, pixelData);
    }

    public ReadOptions withStopAtPixelData(boolean stop) {
        return new ReadOptions(maxElementLength, maxDepth, stop, pixelData);
    }

    public ReadOptions withPixelData(PixelDataConsumer consumer) {
        return new ReadOptions(maxElementLength, maxDepth, stopAtPixelData, consumer);
    }
}
