package io.hounsfield.dicom.image;

/**
 * Statistics of the pixels of a region, in modality units (after the modality LUT, e.g. Hounsfield units), for
 * image and phantom QC. The standard deviation is the sample one (divided by n − 1; 0 for a single pixel).
 */
public record RoiStatistics(long count, double mean, double standardDeviation, double min, double max) {

    /**
     * The statistics of sample 0 of {@code raster} inside {@code roi} (the part within the image).
     *
     * @throws IllegalArgumentException if no pixel centre of the image lies in the region
     */
    public static RoiStatistics of(Raster raster, ModalityLut modalityLut, Roi roi) {
        double[] bounds = roi.bounds();
        int c0 = (int) Math.max(0, Math.floor(bounds[0]));
        int r0 = (int) Math.max(0, Math.floor(bounds[1]));
        int c1 = (int) Math.min(raster.columns() - 1, Math.ceil(bounds[2]));
        int r1 = (int) Math.min(raster.rows() - 1, Math.ceil(bounds[3]));
        long count = 0;
        double mean = 0;
        double squares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                if (!roi.contains(c + 0.5, r + 0.5)) {
                    continue;
                }
                double value = modalityLut.apply(raster.value(r, c, 0));
                count++;
                double delta = value - mean; // Welford: stable for large regions of large values
                mean += delta / count;
                squares += delta * (value - mean);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the region holds no pixel of the " + raster.columns() + "x"
                    + raster.rows() + " image");
        }
        return new RoiStatistics(count, mean, count > 1 ? Math.sqrt(squares / (count - 1)) : 0, min, max);
    }
}
