package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEG frames decode to what dcmtk (Debian's dcmdjpeg, the IJG library) decompresses them to, sample for sample:
 * pydicom's JPEG files (which pydicom cannot decode without Pillow or GDCM) and JPEG Lossless files made with
 * dcmcjpeg for every predictor and a point transform. dcmdjpeg runs with {@code +cn} (no colour conversion), as
 * our raster keeps the Photometric Interpretation's colour space.
 */
class DcmtkJpegTest {
    private static final Set<String> JPEG = Set.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");

    @TempDir
    Path tmp;

    @Test
    void pydicomsJpegFilesEqualDcmtks() throws Exception {
        List<String> compared = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Path file : ReferenceTools.pydicomFiles()) {
            String name = file.getFileName().toString();
            DicomFile dicom;
            try {
                dicom = Part10.read(file);
            } catch (java.io.IOException e) {
                continue; // listed by PydicomPixelsTest
            }
            if (!JPEG.contains(dicom.transferSyntax().uid()) || !dicom.dataset().contains(0x7FE00010)) {
                continue;
            }
            PixelData pixels = PixelData.of(dicom);
            try {
                pixels.decode(1);
            } catch (NotDecodableException e) {
                skipped.add(name + ": " + e.getMessage());
                continue;
            }
            String difference = compareWithDcmtk(file, pixels);
            (difference == null ? compared : differing).add(name + (difference == null ? " ("
                    + pixels.transferSyntax().name() + ", " + pixels.description().photometric() + ")" : ": "
                    + difference));
        }
        System.out.println("JPEG compared with dcmtk:\n  " + String.join("\n  ", compared));
        System.out.println("JPEG skipped:\n  " + String.join("\n  ", skipped));
        assertThat(differing).as("JPEG files whose pixels differ from dcmtk's").isEmpty();
        assertThat(compared).as("baseline RGB and YBR, and lossless SV1")
                .anyMatch(line -> line.startsWith("SC_rgb_dcmtk_+eb+cy+np.dcm"))
                .anyMatch(line -> line.startsWith("SC_rgb_dcmtk_+eb+cr.dcm"))
                .anyMatch(line -> line.startsWith("SC_jpeg_no_color_transform.dcm"))
                .anyMatch(line -> line.startsWith("SC_rgb_jpeg_gdcm.dcm"))
                .anyMatch(line -> line.startsWith("MR_small_jpeg_ls_lossless.dcm"));
        assertThat(skipped).as("12-bit JPEG is named as not decodable here")
                .anyMatch(line -> line.startsWith("JPGExtended.dcm: 12-bit JPEG images cannot be decoded here"));
    }

    @Test
    void jpegLosslessOfEveryPredictorEqualsDcmtk() throws Exception {
        List<String> sources = List.of("CT_small.dcm", "MR_small.dcm", "image_dfl.dcm", "SC_rgb_small_odd.dcm",
                "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm");
        List<List<String>> options = new ArrayList<>();
        options.add(List.of("+e1"));
        for (int predictor = 1; predictor <= 7; predictor++) {
            options.add(List.of("+el", "+sv", Integer.toString(predictor)));
        }
        options.add(List.of("+el", "+sv", "4", "+pt", "2"));
        options.add(List.of("+e1", "+pt", "3"));
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (String source : sources) {
            Path input = ReferenceTools.TEST_FILES.resolve(source);
            if (source.contains("_rle")) { // dcmcjpeg compresses native data only
                input = tmp.resolve("native-" + source);
                assertThat(ReferenceTools.run(List.of("/usr/bin/dcmdrle", ReferenceTools.TEST_FILES.resolve(source)
                        .toString(), input.toString()), null).exitCode()).isZero();
            }
            for (List<String> option : options) {
                Path compressed = tmp.resolve("lossless.dcm");
                List<String> command = new ArrayList<>(List.of("/usr/bin/dcmcjpeg"));
                command.addAll(option);
                command.add(input.toString());
                command.add(compressed.toString());
                ReferenceTools.Result result = ReferenceTools.run(command, null);
                assertThat(result.exitCode()).as("dcmcjpeg " + option + " " + source + ": " + result.err()).isZero();
                PixelData pixels = PixelData.of(Part10.read(compressed));
                assertThat(pixels.transferSyntax().uid()).isIn("1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70");
                String difference = compareWithDcmtk(compressed, pixels);
                if (difference != null) {
                    differing.add(source + " " + option + ": " + difference);
                }
                compared++;
            }
        }
        assertThat(differing).as("JPEG Lossless frames that differ from dcmtk's").isEmpty();
        assertThat(compared).isEqualTo(6 * options.size());
    }

    @Test
    void jpegLsLosslessAndNearLosslessEqualDcmtk() throws Exception {
        List<String> sources = List.of("CT_small.dcm", "MR_small.dcm", "image_dfl.dcm", "SC_rgb_small_odd.dcm",
                "SC_rgb_rle_2frame.dcm", "SC_rgb_rle_16bit.dcm", "rtdose_1frame.dcm");
        List<List<String>> options = List.of(List.of("+el"), List.of("+el", "+in"), List.of("+en"),
                List.of("+en", "+md", "5", "+in"), List.of("+el", "+t1", "5", "+t2", "9", "+t3", "30", "+rs", "40"),
                List.of("+el", "+is"), List.of("+en", "+md", "3", "+is"));
        List<String> differing = new ArrayList<>();
        List<String> notDecoded = new ArrayList<>();
        int compared = 0;
        int refused = 0;
        for (String source : sources) {
            Path input = ReferenceTools.TEST_FILES.resolve(source);
            if (source.contains("_rle")) {
                input = tmp.resolve("native-" + source);
                assertThat(ReferenceTools.run(List.of("/usr/bin/dcmdrle", ReferenceTools.TEST_FILES.resolve(source)
                        .toString(), input.toString()), null).exitCode()).isZero();
            }
            for (List<String> option : options) {
                if (source.equals("SC_rgb_small_odd.dcm") && option.contains("+en")) {
                    refused++;
                    continue; // dcmcjpls writes this 3x3 image's frame marker as FF00, a stream no decoder should take
                }
                Path compressed = tmp.resolve("jpegls.dcm");
                List<String> command = new ArrayList<>(List.of("/usr/bin/dcmcjpls"));
                command.addAll(option);
                command.add(input.toString());
                command.add(compressed.toString());
                ReferenceTools.Result result = ReferenceTools.run(command, null);
                if (result.exitCode() != 0) {
                    // dcmtk refuses 32-bit samples (beyond JPEG-LS's 16) and near-lossless of signed ones
                    boolean expected = source.equals("rtdose_1frame.dcm")
                            || option.contains("+en") && Set.of("CT_small.dcm", "MR_small.dcm").contains(source);
                    assertThat(expected).as("dcmcjpls " + option + " " + source + ": " + result.err()).isTrue();
                    refused++;
                    continue;
                }
                PixelData pixels = PixelData.of(Part10.read(compressed));
                try {
                    pixels.decode(1);
                } catch (NotDecodableException e) {
                    notDecoded.add(source + " " + option + ": " + e.getMessage());
                    continue;
                }
                if (option.contains("+el")) { // lossless: the original pixels exactly
                    String difference = compare(pixels, PixelData.of(Part10.read(input)), "the original");
                    if (difference != null) {
                        differing.add(source + " " + option + ": " + difference);
                    }
                }
                String difference = compareWithDcmtk(compressed, pixels);
                if (difference != null && difference.startsWith("dcmtk failed")
                        && source.equals("SC_rgb_rle_16bit.dcm") && option.contains("+in")) {
                    difference = null; // dcmdjpls cannot read its own non-interleaved 16-bit colour
                }
                if (difference != null) {
                    differing.add(source + " " + option + ": " + difference);
                }
                compared++;
            }
        }
        assertThat(differing).as("JPEG-LS frames that differ from dcmtk's").isEmpty();
        assertThat(notDecoded).as("JPEG-LS files named as not decoded").isEmpty();
        assertThat(compared).isEqualTo(sources.size() * options.size() - refused - notDecoded.size())
                .isGreaterThan(25);
    }

    /** {@code null} if every frame of {@code pixels} equals dcmdjpeg's decompression of {@code file}. */
    private String compareWithDcmtk(Path file, PixelData pixels) throws Exception {
        Path native_ = tmp.resolve("dcmtk-native.dcm");
        boolean jpegLs = pixels.transferSyntax().uid().startsWith("1.2.840.10008.1.2.4.8");
        ReferenceTools.Result result = ReferenceTools.run(jpegLs
                ? List.of("/usr/bin/dcmdjpls", file.toString(), native_.toString())
                : List.of("/usr/bin/dcmdjpeg", "+cn", file.toString(), native_.toString()), null);
        if (result.exitCode() != 0) {
            return "dcmtk failed: " + result.err();
        }
        return compare(pixels, PixelData.of(Part10.read(native_)), "dcmtk");
    }

    /** {@code null} if every frame of {@code pixels} equals that of {@code reference}, else the first difference. */
    private static String compare(PixelData pixels, PixelData reference, String what) throws Exception {
        if (reference.frameCount() != pixels.frameCount()) {
            return reference.frameCount() + " frames from " + what + ", " + pixels.frameCount() + " here";
        }
        for (int frame = 1; frame <= pixels.frameCount(); frame++) {
            Raster ours;
            try {
                ours = pixels.decode(frame);
            } catch (PixelDataException e) {
                return "frame " + frame + ": " + e.getMessage();
            }
            Raster theirs = reference.decode(frame);
            if (ours.rows() != theirs.rows() || ours.columns() != theirs.columns()
                    || ours.samplesPerPixel() != theirs.samplesPerPixel()) {
                return "frame " + frame + " has another shape";
            }
            for (int i = 0; i < ours.length(); i++) {
                if (ours.value(i) != theirs.value(i)) {
                    return "frame " + frame + " sample " + i + ": " + ours.value(i) + ", " + what + " "
                            + theirs.value(i);
                }
            }
        }
        return null;
    }
}
