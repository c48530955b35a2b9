package io.hounsfield.dicom.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * JPEG Baseline (process 1) and 8-bit JPEG Extended (process 2 and 4) with the JDK's ImageIO reader. The raster is
 * read without colour conversion: the Photometric Interpretation says what the components hold (YBR_FULL_422 and
 * YBR_FULL come out as upsampled YBR_FULL, RGB as RGB). The JDK reads 8-bit samples only, so 12-bit JPEG is
 * {@link NotDecodableException}.
 */
final class JpegImageIoDecoder implements FrameDecoder {
    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        int precision = JpegMarkers.framePrecision(frame);
        if (precision != 8) {
            throw new NotDecodableException("1.2.840.10008.1.2.4.51",
                    precision + "-bit JPEG images cannot be decoded here (the JDK reads 8-bit JPEG only)");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new NotDecodableException("1.2.840.10008.1.2.4.50", "JPEG images cannot be decoded here (no reader)");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            java.awt.image.Raster raster = reader.readRaster(0, null);
            if (raster.getWidth() != d.columns() || raster.getHeight() != d.rows()
                    || raster.getNumBands() != d.samplesPerPixel()) {
                throw new PixelDataException("the JPEG frame is " + raster.getWidth() + "x" + raster.getHeight()
                        + " with " + raster.getNumBands() + " components, the image says " + d.columns() + "x"
                        + d.rows() + " with " + d.samplesPerPixel());
            }
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), d.columns(), d.rows(), (int[]) null);
            String photometric = d.photometric().startsWith("YBR") ? "YBR_FULL" : d.photometric();
            return new Raster(d.rows(), d.columns(), d.samplesPerPixel(), Math.min(8, d.bitsStored()),
                    false, photometric, samples);
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException("the JPEG frame cannot be read: " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }
}
