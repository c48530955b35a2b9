package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderingTest {
    private static final Path CT = ReferenceTools.TEST_FILES.resolve("CT_small.dcm");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"40, 400, LINEAR", "-600, 1500, LINEAR_EXACT", "300, 1200, SIGMOID", "0, 1, LINEAR"})
    void renderedPngOfCtEqualsNumpyWithinOneGreyLevel(double center, double width, WindowFunction function)
            throws Exception {
        ImageRenderer renderer = ImageRenderer.of(Part10.read(CT));
        byte[] png = renderer.png(1, Rendering.defaults().withWindow(new Window(center, width, function, "")));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Path raw = tmp.resolve("expected.raw");
        ReferenceTools.python("/image/numpy_window.py", "", CT.toString(), Double.toString(center),
                Double.toString(width), function.name(), raw.toString());
        byte[] expected = Files.readAllBytes(raw);
        assertThat(image.getWidth() * image.getHeight()).isEqualTo(expected.length).isEqualTo(128 * 128);
        int worst = 0;
        int distinct = 0;
        java.util.Set<Integer> greys = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int ours = image.getRaster().getSample(x, y, 0);
                greys.add(ours);
                worst = Math.max(worst, Math.abs(ours - (expected[y * image.getWidth() + x] & 0xFF)));
            }
        }
        distinct = greys.size();
        assertThat(worst).as("largest grey difference from numpy").isLessThanOrEqualTo(1);
        assertThat(distinct).as("distinct greys (not a blank image)").isGreaterThan(1);
    }

    @Test
    void defaultWindowIsTheStoredOneOrThePixelRange() throws Exception {
        ImageRenderer mr = ImageRenderer.of(Part10.read(ReferenceTools.TEST_FILES.resolve("MR_small.dcm")));
        assertThat(mr.presets(1)).containsExactly(new Window(600, 1600));
        ImageRenderer ct = ImageRenderer.of(Part10.read(CT));
        assertThat(ct.presets(1)).isEmpty();
        Window window = ct.defaultWindow(1, ct.pixelData().decode(1));
        // stored 128..2191, rescale -1024: modality values -896..1167
        assertThat(new double[] {window.center(), window.width()}).containsExactly(136, 2064);
        BufferedImage image = ct.render(1, Rendering.defaults());
        long black = 0;
        long white = 0;
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                int grey = image.getRaster().getSample(x, y, 0);
                black += grey == 0 ? 1 : 0;
                white += grey == 255 ? 1 : 0;
            }
        }
        assertThat(black).as("the smallest value is black").isPositive();
        assertThat(white).as("the largest value is white").isPositive();
    }

    @Test
    void monochrome1AndInverseShapeAndTheInvertOptionInvert() throws Exception {
        Attributes dataset = greyRamp("MONOCHROME2");
        assertThat(firstAndLast(dataset, Rendering.defaults())).containsExactly(0, 255);
        assertThat(firstAndLast(dataset, Rendering.defaults().withInvert(true))).containsExactly(255, 0);
        assertThat(firstAndLast(greyRamp("MONOCHROME1"), Rendering.defaults())).containsExactly(255, 0);
        Attributes inverse = greyRamp("MONOCHROME2");
        inverse.setString(Tags.PresentationLUTShape, VR.CS, "INVERSE");
        assertThat(firstAndLast(inverse, Rendering.defaults())).containsExactly(255, 0);
    }

    @Test
    void voiLutSequenceMapsModalityValues() throws Exception {
        Attributes dataset = greyRamp("MONOCHROME2");
        Attributes item = dataset.newSequence(Tags.VOILUTSequence).addItem();
        item.setInts(Tags.LUTDescriptor, VR.US, 4, 0, 8);
        item.setValue(Tags.LUTData, VR.OW, new byte[] {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0});
        BufferedImage image = ImageRenderer.of(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .render(1, Rendering.defaults());
        assertThat(new int[] {grey(image, 0), grey(image, 1), grey(image, 2), grey(image, 3), grey(image, 9)})
                .containsExactly(255, 0, 255, 0, 0);
    }

    @Test
    void modalityLutSequenceReplacesRescale() throws Exception {
        Attributes dataset = greyRamp("MONOCHROME2");
        dataset.setString(Tags.RescaleIntercept, VR.DS, "-1000");
        Attributes item = dataset.newSequence(Tags.ModalityLUTSequence).addItem();
        item.setInts(Tags.LUTDescriptor, VR.US, 2, 4, 16);
        item.setValue(Tags.LUTData, VR.OW, new byte[] {10, 0, 20, 0});
        ModalityLut lut = ModalityLut.of(dataset);
        assertThat(new double[] {lut.apply(0), lut.apply(4), lut.apply(5), lut.apply(9)})
                .containsExactly(10, 10, 20, 20);
    }

    @Test
    void enhancedImagesRescaleAndWindowEachFrame() throws Exception {
        Attributes dataset = greyRamp("MONOCHROME2");
        dataset.setString(Tags.NumberOfFrames, VR.IS, "2");
        dataset.setValue(Tag.PIXEL_DATA, VR.OW, java.util.Arrays.copyOf(dataset.bytes(Tag.PIXEL_DATA), 40));
        Attributes shared = dataset.newSequence(Tags.SharedFunctionalGroupsSequence).addItem();
        Attributes voi = shared.newSequence(Tags.FrameVOILUTSequence).addItem();
        voi.setString(Tags.WindowCenter, VR.DS, "5");
        voi.setString(Tags.WindowWidth, VR.DS, "10");
        var perFrame = dataset.newSequence(Tags.PerFrameFunctionalGroupsSequence);
        for (String intercept : new String[] {"0", "-1000"}) {
            Attributes transformation = perFrame.addItem().newSequence(Tags.PixelValueTransformationSequence)
                    .addItem();
            transformation.setString(Tags.RescaleSlope, VR.DS, "1");
            transformation.setString(Tags.RescaleIntercept, VR.DS, intercept);
        }
        ImageRenderer renderer = ImageRenderer.of(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(renderer.modalityLut(1).apply(7)).isEqualTo(7);
        assertThat(renderer.modalityLut(2).apply(7)).isEqualTo(-993);
        assertThat(renderer.presets(2)).containsExactly(new Window(5, 10));
        assertThat(grey(renderer.render(1, Rendering.defaults()), 9)).isEqualTo(255);
        assertThat(grey(renderer.render(2, Rendering.defaults()), 9)).as("frame 2 is far below the window")
                .isZero();
        RoiStatistics stats = RoiStatistics.of(renderer.pixelData().decode(2), renderer.modalityLut(2),
                Roi.rectangle(0, 0, 10, 1));
        assertThat(stats.mean()).isEqualTo(-1000); // frame 2 holds zeros
    }

    @Test
    void viewportKeepsTheAspect() throws Exception {
        ImageRenderer ct = ImageRenderer.of(Part10.read(CT));
        BufferedImage image = ct.render(1, Rendering.defaults().withViewport(new Viewport(64, 200)));
        assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(64, 64);
        assertThat(new Viewport(300, 100).fit(512, 256)).containsExactly(200, 100);
    }

    @Test
    void jpegAtTwoQualitiesDecodesAndTheBetterIsLarger() throws Exception {
        ImageRenderer ct = ImageRenderer.of(Part10.read(CT));
        Rendering soft = Rendering.defaults().withWindow(new Window(40, 400));
        byte[] low = ct.jpeg(1, soft, 0.2f);
        byte[] high = ct.jpeg(1, soft, 0.95f);
        assertThat(ImageIO.read(new ByteArrayInputStream(high)).getWidth()).isEqualTo(128);
        assertThat(high.length).isGreaterThan(low.length);
        assertThatThrownBy(() -> ct.jpeg(1, soft, 1.5f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void colourImagesRenderAsRgb() throws Exception {
        DicomFile ybr = Part10.read(ReferenceTools.TEST_FILES.resolve("SC_ybr_full_422_uncompressed.dcm"));
        DicomFile rgb = Part10.read(ReferenceTools.TEST_FILES.resolve("SC_rgb_small_odd.dcm"));
        BufferedImage fromYbr = ImageRenderer.of(ybr).render(1, Rendering.defaults());
        Raster raster = PixelData.of(rgb).decode(1);
        BufferedImage fromRgb = ImageRenderer.of(rgb).render(1, Rendering.defaults());
        assertThat(fromRgb.getRGB(1, 2) & 0xFFFFFF).isEqualTo(raster.sample(2, 1, 0) << 16
                | raster.sample(2, 1, 1) << 8 | raster.sample(2, 1, 2));
        // pydicom's SC_ybr_full_422 shows a red band at the top (its RGB twin, SC_rgb.dcm, is pure red there)
        int top = fromYbr.getRGB(50, 2);
        assertThat((top >> 16) & 0xFF).isGreaterThan(240);
        assertThat((top >> 8) & 0xFF).isLessThan(15);
        assertThat(top & 0xFF).isLessThan(15);
    }

    private static int[] firstAndLast(Attributes dataset, Rendering rendering) throws Exception {
        BufferedImage image = ImageRenderer.of(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .render(1, rendering);
        return new int[] {grey(image, 0), grey(image, 9)};
    }

    private static int grey(BufferedImage image, int x) {
        return image.getRaster().getSample(x, 0, 0);
    }

    /** One row of ten 16-bit pixels 0..9. */
    static Attributes greyRamp(String photometric) {
        Attributes dataset = new Attributes();
        dataset.setInts(Tags.Rows, VR.US, 1);
        dataset.setInts(Tags.Columns, VR.US, 10);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, photometric);
        dataset.setInts(Tags.BitsAllocated, VR.US, 16);
        dataset.setInts(Tags.BitsStored, VR.US, 16);
        dataset.setInts(Tags.HighBit, VR.US, 15);
        dataset.setInts(Tags.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[20];
        for (int i = 0; i < 10; i++) {
            pixels[2 * i] = (byte) i;
        }
        dataset.setValue(Tag.PIXEL_DATA, VR.OW, pixels);
        return dataset;
    }
}
