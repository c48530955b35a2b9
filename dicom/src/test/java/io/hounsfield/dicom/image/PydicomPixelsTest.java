package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pydicom test file whose transfer syntax we decode and that pydicom decodes here (numpy and RLE handlers)
 * gives exactly pydicom's {@code pixel_array}, every frame and sample. The files left out are listed with why.
 */
class PydicomPixelsTest {
    @TempDir
    Path out;

    @Test
    void decodedPixelsEqualPydicoms() throws Exception {
        List<Path> files = ReferenceTools.pydicomFiles();
        StringBuilder input = new StringBuilder();
        files.forEach(file -> input.append(file).append('\n'));
        ReferenceTools.Result result = ReferenceTools.python("/image/pydicom_pixels.py", input.toString(),
                out.toString());
        Map<Integer, String> answers = new HashMap<>();
        for (String line : result.out().split("\n")) {
            if (!line.isBlank()) {
                String[] words = line.split(" ", 3);
                answers.put(Integer.parseInt(words[1]), line);
            }
        }
        List<String> compared = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (int n = 0; n < files.size(); n++) {
            Path file = files.get(n);
            String name = file.getFileName().toString();
            String answer = answers.get(n);
            assertThat(answer).as("pydicom answered for " + name).isNotNull();
            PixelData pixels;
            try {
                DicomFile dicom = Part10.read(file);
                if (!dicom.dataset().contains(Tag.PIXEL_DATA)) {
                    skipped.add(name + ": no pixel data");
                    continue;
                }
                pixels = PixelData.of(dicom);
            } catch (IOException e) {
                skipped.add(name + ": not read here (" + e.getMessage() + ")");
                continue;
            }
            if (!pixels.decodable()) {
                skipped.add(name + ": transfer syntax " + pixels.transferSyntax().name() + " not decoded here");
                continue;
            }
            if (answer.startsWith("SKIP")) {
                skipped.add(name + ": pydicom cannot decode it here (" + answer.split(" ", 3)[2] + ")");
                continue;
            }
            String[] shape = answer.split(" ");
            int frames = Integer.parseInt(shape[2]);
            assertThat(frames).as(name + " frames").isEqualTo(pixels.frameCount());
            ByteBuffer expected = ByteBuffer.wrap(Files.readAllBytes(out.resolve(n + ".raw")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            String difference = null;
            for (int frame = 1; frame <= frames && difference == null; frame++) {
                Raster raster = pixels.decode(frame);
                if (raster.rows() != Integer.parseInt(shape[3]) || raster.columns() != Integer.parseInt(shape[4])
                        || raster.samplesPerPixel() != Integer.parseInt(shape[5])) {
                    difference = "shape " + raster.rows() + "x" + raster.columns() + "x" + raster.samplesPerPixel()
                            + ", pydicom " + shape[3] + "x" + shape[4] + "x" + shape[5];
                    break;
                }
                for (int i = 0; i < raster.length(); i++) {
                    long theirs = expected.getLong();
                    if (raster.value(i) != theirs) {
                        difference = "frame " + frame + " sample " + i + ": " + raster.value(i) + ", pydicom "
                                + theirs;
                        break;
                    }
                }
            }
            if (difference != null) {
                differing.add(name + ": " + difference);
            } else {
                compared.add(name + " (" + pixels.transferSyntax().name() + ", " + pixels.description().photometric()
                        + ", " + frames + (frames == 1 ? " frame)" : " frames)"));
            }
        }
        System.out.println("Compared with pydicom:\n  " + String.join("\n  ", compared));
        System.out.println("Skipped:\n  " + String.join("\n  ", skipped));
        assertThat(differing).as("files whose pixels differ from pydicom's").isEmpty();
        assertThat(compared).as("multi-frame, RGB, YBR, RLE, 1-bit, 32-bit, big endian and deflated files compared")
                .anyMatch(line -> line.startsWith("SC_rgb_rle_2frame.dcm"))
                .anyMatch(line -> line.startsWith("SC_ybr_full_422_uncompressed.dcm"))
                .anyMatch(line -> line.startsWith("SC_rgb_small_odd.dcm"))
                .anyMatch(line -> line.startsWith("liver_1frame.dcm"))
                .anyMatch(line -> line.startsWith("rtdose.dcm"))
                .anyMatch(line -> line.startsWith("rtdose_rle.dcm"))
                .anyMatch(line -> line.startsWith("MR_small_bigendian.dcm"))
                .anyMatch(line -> line.startsWith("image_dfl.dcm"))
                .anyMatch(line -> line.startsWith("CT_small.dcm"));
    }
}
