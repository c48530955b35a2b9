package io.hounsfield.dicomweb;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The metadata of a stored instance for WADO-RS (PS3.18 §10.4.1.1.2): its data set without Pixel Data, which
 * streams past without being held, and without File Meta Information.
 */
final class InstanceMetadata {
    private static final ReadOptions WITHOUT_PIXELS = ReadOptions.DEFAULT.withPixelData(PixelDataConsumer.DISCARD);

    private InstanceMetadata() {
    }

    static Attributes read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return Part10.read(in, WITHOUT_PIXELS).dataset();
        }
    }
}
