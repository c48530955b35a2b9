package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG and JPEG are encoded in memory: no temporary cache file per image (ImageIO's default). */
class ImageEncoderTest {
    @TempDir
    Path work;

    @Test
    void encodesWithoutImageIosCacheFile() throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 64; x++) {
            image.getRaster().setSample(x, x / 2, 0, 4 * x);
        }
        Path cache = Files.createDirectory(work.resolve("cache"));
        File before = ImageIO.getCacheDirectory();
        boolean usedCache = ImageIO.getUseCache();
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        Files.delete(cache);
        byte[] png;
        byte[] jpeg;
        try {
            png = ImageEncoder.png(image);
            jpeg = ImageEncoder.jpeg(image, 0.9f);
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(usedCache);
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getRaster().getSample(10, 5, 0)).isEqualTo(40);
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(64);
    }
}
