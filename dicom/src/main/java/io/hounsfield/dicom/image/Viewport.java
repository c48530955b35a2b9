package io.hounsfield.dicom.image;

/** The largest size that fits in {@code width} × {@code height}, keeping the image's aspect (DICOMweb viewport). */
public record Viewport(int width, int height) {
    public Viewport {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a viewport needs a width and height of at least 1, not " + width
                    + "x" + height);
        }
    }

    /** The size of a {@code columns} × {@code rows} image scaled to fit: {@code [width, height]}. */
    public int[] fit(int columns, int rows) {
        double scale = Math.min((double) width / columns, (double) height / rows);
        return new int[] {Math.max(1, (int) Math.round(columns * scale)), Math.max(1, (int) Math.round(rows * scale))};
    }
}
