package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.dicom.image.PixelData;
import io.hounsfield.dicom.image.PixelDataException;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a stored instance's pixel data as stored (PS3.18 §10.4.1.1.3), cut by the toolkit's
 * {@link PixelData#encodedFrame}: native frames little endian, encapsulated ones their fragments joined (found by
 * the offset tables, one fragment per frame or JPEG start markers). The file is read with its pixel data left on
 * disk, so a frame costs the read of that frame. What cannot be cut is 404 with the toolkit's reason.
 */
final class StoredPixels {
    private StoredPixels() {
    }

    /** The frames numbered {@code numbers} (from 1), in that order. */
    static List<byte[]> frames(StoredFile file, List<Integer> numbers) throws IOException {
        PixelData pixels = pixelData(file);
        int count = pixels.frameCount();
        int last = numbers.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (last > count) {
            throw notFound("frame " + last + " does not exist: the instance has " + count
                    + (count == 1 ? " frame" : " frames"));
        }
        List<byte[]> frames = new ArrayList<>();
        try {
            for (int number : numbers) {
                frames.add(pixels.encodedFrame(number));
            }
        } catch (PixelDataException e) {
            throw notFound(e.getMessage());
        }
        return frames;
    }

    /** Every frame, in order. */
    static List<byte[]> allFrames(StoredFile file) throws IOException {
        PixelData pixels = pixelData(file);
        List<Integer> numbers = new ArrayList<>();
        for (int frame = 1; frame <= pixels.frameCount(); frame++) {
            numbers.add(frame);
        }
        return frames(file, numbers);
    }

    private static PixelData pixelData(StoredFile file) throws IOException {
        try {
            return PixelData.of(PixelDataFiles.read(file.localCopy()));
        } catch (PixelDataException e) {
            throw notFound(e.getMessage().contains("no Pixel Data") ? "the instance has no pixel data"
                    : e.getMessage());
        }
    }

    private static HounsfieldException notFound(String reason) {
        return new HounsfieldException(Failure.NOT_FOUND, reason);
    }
}
