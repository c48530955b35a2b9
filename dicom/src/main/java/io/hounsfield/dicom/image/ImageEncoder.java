package io.hounsfield.dicom.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Rendered images to PNG and JPEG with the JDK's ImageIO writers, cached in memory: {@code ImageIO}'s own streams
 * cache in a temporary file by default, a file created and deleted for every image.
 */
public final class ImageEncoder {
    private ImageEncoder() {
    }

    public static byte[] png(BufferedImage image) throws IOException {
        return write(image, "png", null);
    }

    /** JPEG at {@code quality} from 0 (smallest) to 1 (best); DICOMweb's quality 1-100 divided by 100. */
    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be between 0 and 1, not " + quality);
        }
        return write(image, "jpeg", quality);
    }

    private static byte[] write(BufferedImage image, String format, Float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("the JDK has no " + format.toUpperCase(java.util.Locale.ROOT) + " writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 2 + 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = null;
            if (quality != null) {
                param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
