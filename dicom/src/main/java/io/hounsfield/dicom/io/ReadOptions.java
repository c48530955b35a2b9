package io.hounsfield.dicom.io;

/**
 * Limits and streaming choices of a {@link DicomReader}. The limits bound what hostile input can make the reader
 * hold: beyond any of them reading stops with {@link DicomParseException}. "Pixel data" is top-level (7FE0,0010)
 * Pixel Data, (7FE0,0008) Float and (7FE0,0009) Double Float Pixel Data; every other element, including pixel data
 * nested in an item (an icon image), is held in memory and counts against the element, count and memory limits.
 * The defaults fit real CT, MR, RT and whole slide objects with room to spare.
 *
 * @param maxElementLength  the longest value accepted of an element other than pixel data, in bytes (64 MiB)
 * @param maxDepth          the deepest nesting of sequences accepted (64)
 * @param maxDatasetLength  the most bytes of data set read, pixel data included, after inflating a deflated one
 *                          (no limit)
 * @param maxInflatedLength the most bytes a deflated data set may inflate to (1 GiB; deflated objects are small
 *                          non-image objects in practice, and a deflate bomb inflates a thousandfold)
 * @param maxElements       the most elements and sequence items of a data set, at all levels (1,000,000)
 * @param maxDatasetMemory  the most memory the elements other than pixel data may take, estimated as their value
 *                          lengths plus a fixed overhead per element and per item (256 MiB)
 * @param stopAtPixelData   stop at top-level (7FE0,0010) with the input positioned at its value
 * @param pixelData         if not {@code null}, receives top-level pixel data instead of the data set holding it
 */
public record ReadOptions(long maxElementLength, int maxDepth, long maxDatasetLength, long maxInflatedLength,
        long maxElements, long maxDatasetMemory, boolean stopAtPixelData, PixelDataConsumer pixelData) {
    /** The longest value a Java array can hold. */
    public static final long MAX_VALUE_LENGTH = Integer.MAX_VALUE - 16;

    /** The limits above, reading everything into memory. */
    public static final ReadOptions DEFAULT = new ReadOptions(64L << 20, 64, Long.MAX_VALUE, 1L << 30, 1_000_000,
            256L << 20, false, null);

    public ReadOptions {
        if (maxElementLength < 0 || maxElementLength > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("maxElementLength must be 0.." + MAX_VALUE_LENGTH);
        }
        if (maxDepth < 0 || maxDatasetLength < 0 || maxInflatedLength < 0 || maxElements < 0
                || maxDatasetMemory < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    public ReadOptions withMaxElementLength(long length) {
        return new ReadOptions(length, maxDepth, maxDatasetLength, maxInflatedLength, maxElements, maxDatasetMemory,
                stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxDepth(int depth) {
        return new ReadOptions(maxElementLength, depth, maxDatasetLength, maxInflatedLength, maxElements,
                maxDatasetMemory, stopAtPixelData, pixelData);
    }

    public ReadOptions withStopAtPixelData(boolean stop) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, maxInflatedLength, maxElements,
                maxDatasetMemory, stop, pixelData);
    }

    public ReadOptions withPixelData(PixelDataConsumer consumer) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, maxInflatedLength, maxElements,
                maxDatasetMemory, stopAtPixelData, consumer);
    }

    public ReadOptions withMaxDatasetLength(long length) {
        return new ReadOptions(maxElementLength, maxDepth, length, maxInflatedLength, maxElements, maxDatasetMemory,
                stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxInflatedLength(long length) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, length, maxElements, maxDatasetMemory,
                stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxElements(long count) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, maxInflatedLength, count,
                maxDatasetMemory, stopAtPixelData, pixelData);
    }

    public ReadOptions withMaxDatasetMemory(long bytes) {
        return new ReadOptions(maxElementLength, maxDepth, maxDatasetLength, maxInflatedLength, maxElements, bytes,
                stopAtPixelData, pixelData);
    }

    /** These limits for reading an inflated stream: the data set length is bounded by the inflated limit too. */
    ReadOptions inflating() {
        return withMaxDatasetLength(Math.min(maxDatasetLength, maxInflatedLength));
    }
}
