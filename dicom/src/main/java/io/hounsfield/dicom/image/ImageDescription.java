package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;

/**
 * The Image Pixel Module attributes that say how pixel data is laid out (PS3.3 §C.7.6.3).
 *
 * @param photometric          Photometric Interpretation, e.g. {@code MONOCHROME2}, {@code RGB}, {@code YBR_FULL_422}
 * @param planarConfiguration  0: samples of a pixel together; 1: each sample's plane after the other (colour only)
 * @param frames               Number of Frames, 1 when absent
 */
public record ImageDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
        int highBit, boolean signed, String photometric, int planarConfiguration, int frames) {

    public ImageDescription {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("rows and columns must be positive, not " + rows + "x" + columns);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("samples per pixel must be 1 or 3, not " + samplesPerPixel);
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("bits allocated must be 1, 8, 16 or 32, not " + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new IllegalArgumentException("bits stored " + bitsStored + " and high bit " + highBit
                    + " do not fit in " + bitsAllocated + " bits allocated");
        }
        if (frames < 1) {
            throw new IllegalArgumentException("number of frames must be positive, not " + frames);
        }
    }

    /** The description in {@code dataset}; missing Rows, Columns or Bits Allocated are a {@link PixelDataException}. */
    public static ImageDescription of(Attributes dataset) throws PixelDataException {
        try {
            int rows = dataset.getInt(Tags.Rows, -1);
            int columns = dataset.getInt(Tags.Columns, -1);
            int bitsAllocated = dataset.getInt(Tags.BitsAllocated, -1);
            if (rows < 0 || columns < 0 || bitsAllocated < 0) {
                throw new PixelDataException("the image has no Rows, Columns or Bits Allocated");
            }
            int bitsStored = dataset.getInt(Tags.BitsStored, bitsAllocated);
            int highBit = dataset.getInt(Tags.HighBit, bitsStored - 1);
            String photometric = dataset.getString(Tags.PhotometricInterpretation);
            int samples = dataset.getInt(Tags.SamplesPerPixel, 1);
            return new ImageDescription(rows, columns, samples, bitsAllocated, bitsStored, highBit,
                    dataset.getInt(Tags.PixelRepresentation, 0) == 1,
                    photometric == null || photometric.isBlank() ? (samples == 3 ? "RGB" : "MONOCHROME2")
                            : photometric.strip(),
                    dataset.getInt(Tags.PlanarConfiguration, 0), Math.max(1, dataset.getInt(Tags.NumberOfFrames, 1)));
        } catch (IllegalArgumentException e) { // also DicomValueException: a number that is not one
            throw new PixelDataException("the image's pixel description is invalid: " + e.getMessage(), e);
        }
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Bytes of one native frame; YBR_FULL_422 holds two samples per pixel (PS3.3 §C.7.6.3.1.2). */
    public long nativeFrameBits() {
        long samples = photometric.equals("YBR_FULL_422") ? 2L * pixelsPerFrame() : (long) samplesPerPixel * pixelsPerFrame();
        return samples * bitsAllocated;
    }

    public boolean monochrome() {
        return photometric.startsWith("MONOCHROME");
    }

    /** With this photometric, a decoded frame as it comes out of the decoder (YBR_FULL_422 upsampled is YBR_FULL). */
    public ImageDescription withPhotometric(String value) {
        return new ImageDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed, value,
                planarConfiguration, frames);
    }
}
