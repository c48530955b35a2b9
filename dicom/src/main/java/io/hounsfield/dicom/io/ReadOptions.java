package io.hounsfield.dicom.io;

/**
 * Limits and streaming choices of a {@link DicomReader}.
 *
 * @param maxElementLength the longest value accepted, in bytes; longer ones raise {@link DicomParseException}
 * @param maxDepth         the deepest nesting of sequences accepted
 * @param maxDatasetLength the most bytes of data set read (after inflating a deflated one), bounding the memory a
 *                         hostile input can claim in total
 * @param stopAtPixelData  stop at top-level (7FE0,0010) with the input positioned at its value
 * @param pixelData        if not {@code null}, receives top-level pixel data instead of the data set holding it
 */
public record ReadOptions(long maxElementLength, int maxDepth, long maxDatasetLength, boolean stopAtPixelData,
        PixelDataConsumer pixelData) {
    /** At most 2 GiB - 16 per element (a Java array's limit), 64 nested sequences, no limit on the whole. */
    public static final ReadOptions DEFAULT = new ReadOptions(Integer.MAX_VALUE - 16, 64, Long.MAX_VALUE, false, null);

    public ReadOptions {
        if (maxElementLength < 0 || maxElementLength > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxElementLength must be 0.." + (Integer.MAX_VALUE - 16));
        }
        if (maxDepth < 0 || maxDatasetLength < 0) {
            throw new IllegalArgumentException("maxDepth and maxDatasetLength must not be negative");
        }
    }

    public ReadOptions withMaxElementLength(long length) {
        return new ReadOptions(length, maxDepth, maxDatasetLength, stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxDepth(int depth) {
        return new ReadOptions(maxElementLength, depth, maxDatasetLength, stopAtPixelData, pixelData);
    }

    public ReadOptions withStopAtPixelData(boolean stop) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, stop, pixelData);
    }

    public ReadOptions withPixelData(PixelDataConsumer consumer) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, stopAtPixelData, consumer);
    }

    public ReadOptions withMaxDatasetLength(long length) {
        return new ReadOptions(maxElementLength, maxDepth, length, stopAtPixelData, pixelData);
    }
}
