package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native layouts pydicom's files lack, frame bytes, palettes and bad input. */
class PixelDataTest {
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax RLE = TransferSyntax.of("1.2.840.10008.1.2.5");

    @TempDir
    Path tmp;

    @Test
    void bitsStoredBelowAllocatedAreMaskedAndSignExtended() throws Exception {
        // 12 bits stored, high bit 11, with garbage above: signed values sign-extend from bit 11
        Attributes signed = image(1, 3, 1, 16, 12, 11, true, "MONOCHROME2", words(0xF7FF, 0x0800, 0xAFFF));
        assertThat(PixelData.of(signed, EXPLICIT).decode(1).samples()).containsExactly(2047, -2048, -1);
        Attributes unsigned = image(1, 3, 1, 16, 12, 11, false, "MONOCHROME2", words(0xF7FF, 0x0800, 0xAFFF));
        assertThat(PixelData.of(unsigned, EXPLICIT).decode(1).samples()).containsExactly(0x7FF, 0x800, 0xFFF);
        // high bit 15: the 12 bits are the top ones
        Attributes high = image(1, 2, 1, 16, 12, 15, false, "MONOCHROME2", words(0xFFF0, 0x0010));
        assertThat(PixelData.of(high, EXPLICIT).decode(1).samples()).containsExactly(0xFFF, 1);
        // 8 bits allocated, 7 stored, signed
        Attributes bytes = image(1, 2, 1, 8, 7, 6, true, "MONOCHROME2", new byte[] {0x40, (byte) 0x3F});
        assertThat(PixelData.of(bytes, EXPLICIT).decode(1).samples()).containsExactly(-64, 63);
        // 32 bits unsigned keep their full range
        Attributes large = image(1, 1, 1, 32, 32, 31, false, "MONOCHROME2",
                new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertThat(PixelData.of(large, EXPLICIT).decode(1).value(0, 0, 0)).isEqualTo(0xFFFFFFFFL);
    }

    @Test
    void oneBitFramesThatStartInsideAByte() throws Exception {
        // two frames of 3x3 pixels: frame 2 starts at bit 9
        Attributes dataset = image(3, 3, 1, 1, 1, 0, false, "MONOCHROME2", new byte[] {(byte) 0b0101_0101, 0b0000_0110, 0b0000_0000});
        dataset.setString(Tags.NumberOfFrames, VR.IS, "2");
        PixelData pixels = PixelData.of(dataset, EXPLICIT);
        assertThat(pixels.decode(1).samples()).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 0);
        assertThat(pixels.decode(2).samples()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void decodedFramesEncodeBackToTheirNativeBytes() throws Exception {
        for (String name : new String[] {"CT_small.dcm", "liver_1frame.dcm", "SC_rgb_small_odd.dcm", "rtdose.dcm"}) {
            DicomFile file = Part10.read(ReferenceTools.TEST_FILES.resolve(name));
            PixelData pixels = PixelData.of(file);
            int frame = pixels.frameCount();
            assertThat(NativeEncoder.encode(pixels.decode(frame), pixels.description().bitsAllocated()))
                    .as(name).isEqualTo(pixels.encodedFrame(frame));
        }
    }

    @Test
    void pixelDataLeftInTheFileDecodesAsInMemory() throws Exception {
        for (String name : new String[] {"rtdose.dcm", "rtdose_expb.dcm", "MR_small_bigendian.dcm",
                "liver_expb_1frame.dcm", "SC_rgb_rle_2frame.dcm", "ExplVR_BigEnd.dcm", "image_dfl.dcm",
                "JPEG2000.dcm"}) {
            Path path = ReferenceTools.TEST_FILES.resolve(name);
            DicomFile lazy = PixelDataFiles.read(path);
            PixelData fromFile = PixelData.of(lazy);
            PixelData inMemory = PixelData.of(Part10.read(path));
            if (!name.equals("image_dfl.dcm")) {
                assertThat(lazy.dataset().getBulkData(Tag.PIXEL_DATA)).as(name).isNotNull();
            }
            for (int frame = 1; frame <= inMemory.frameCount(); frame++) {
                assertThat(fromFile.encodedFrame(frame)).as(name + " frame " + frame)
                        .isEqualTo(inMemory.encodedFrame(frame));
                if (inMemory.decodable()) {
                    assertThat(fromFile.decode(frame).samples()).isEqualTo(inMemory.decode(frame).samples());
                }
            }
        }
        Path cut = tmp.resolve("cut.dcm");
        byte[] whole = Files.readAllBytes(ReferenceTools.TEST_FILES.resolve("CT_small.dcm"));
        Files.write(cut, Arrays.copyOf(whole, whole.length - 1000)); // into the pixel data, past the trailing padding
        assertThatThrownBy(() -> PixelDataFiles.read(cut)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void planarConfigurationOneIsInterleaved() throws Exception {
        Attributes dataset = image(1, 2, 3, 8, 8, 7, false, "RGB", new byte[] {1, 2, 3, 4, 5, 6});
        dataset.setInts(Tags.PlanarConfiguration, VR.US, 1);
        assertThat(PixelData.of(dataset, EXPLICIT).decode(1).samples()).containsExactly(1, 3, 5, 2, 4, 6);
    }

    @Test
    void encodedFramesOfNativeAndEncapsulatedPixelData() throws Exception {
        DicomFile dose = Part10.read(ReferenceTools.TEST_FILES.resolve("rtdose.dcm"));
        byte[] all = dose.dataset().bytes(Tag.PIXEL_DATA);
        PixelData pixels = PixelData.of(dose);
        assertThat(pixels.frameCount()).isEqualTo(15);
        assertThat(pixels.encodedFrame(3)).isEqualTo(Arrays.copyOfRange(all, 2 * 400, 3 * 400));

        DicomFile rle = Part10.read(ReferenceTools.TEST_FILES.resolve("SC_rgb_rle_2frame.dcm"));
        Fragments fragments = rle.dataset().getFragments(Tag.PIXEL_DATA);
        assertThat(PixelData.of(rle).encodedFrame(2)).isEqualTo(fragments.fragments().get(1));
        assertThat(PixelData.of(rle).encodedFragments(1)).containsExactly(fragments.fragments().get(0));
    }

    @Test
    void framesSplitAcrossFragmentsFollowTheOffsetTables() throws Exception {
        DicomFile rle = Part10.read(ReferenceTools.TEST_FILES.resolve("SC_rgb_rle_2frame.dcm"));
        byte[] first = rle.dataset().getFragments(Tag.PIXEL_DATA).fragments().get(0);
        byte[] second = rle.dataset().getFragments(Tag.PIXEL_DATA).fragments().get(1);
        byte[] head = Arrays.copyOf(first, 100);
        byte[] tail = Arrays.copyOfRange(first, 100, first.length);
        int secondOffset = 8 + head.length + 8 + tail.length;
        Attributes basic = copy(rle.dataset());
        basic.setValue(Tag.PIXEL_DATA, VR.OB, new Fragments().add(littleEndian(0, secondOffset)).add(head).add(tail)
                .add(second));
        PixelData split = PixelData.of(basic, RLE);
        assertThat(split.encodedFragments(1)).containsExactly(head, tail);
        assertThat(split.encodedFrame(1)).isEqualTo(first);
        assertThat(split.decode(2).samples()).isEqualTo(PixelData.of(rle).decode(2).samples());

        Attributes extended = copy(rle.dataset());
        extended.setValue(Tag.PIXEL_DATA, VR.OB, new Fragments().add(new byte[0]).add(head).add(tail).add(second));
        extended.setValue(0x7FE00001, VR.OV, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0)
                .putLong(secondOffset).array());
        assertThat(PixelData.of(extended, RLE).encodedFrame(2)).isEqualTo(second);

        Attributes wrong = copy(rle.dataset());
        wrong.setValue(Tag.PIXEL_DATA, VR.OB, new Fragments().add(littleEndian(0, 12)).add(head).add(tail).add(second));
        assertThatThrownBy(() -> PixelData.of(wrong, RLE)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("offset table");
    }

    @Test
    void paletteColourEqualsPydicomsExpansion() throws Exception {
        for (int bits : new int[] {16, 8}) {
            Attributes dataset = image(2, 8, 1, 8, 8, 7, false, "PALETTE COLOR",
                    new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, (byte) 200});
            // 12 entries from input 2: below and above map to the end entries
            int[] red = new int[12];
            int[] green = new int[12];
            int[] blue = new int[12];
            for (int i = 0; i < 12; i++) {
                red[i] = bits == 16 ? 5000 * i : 20 * i;
                green[i] = bits == 16 ? 65535 - 3000 * i : 255 - 10 * i;
                blue[i] = (i % 3) * (bits == 16 ? 30000 : 120);
            }
            palette(dataset, Tags.RedPaletteColorLookupTableDescriptor, Tags.RedPaletteColorLookupTableData, red, bits);
            palette(dataset, Tags.GreenPaletteColorLookupTableDescriptor, Tags.GreenPaletteColorLookupTableData,
                    green, bits);
            palette(dataset, Tags.BluePaletteColorLookupTableDescriptor, Tags.BluePaletteColorLookupTableData, blue,
                    bits);
            Path file = tmp.resolve("palette" + bits + ".dcm");
            dataset.setString(Tags.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
            dataset.setString(Tags.SOPInstanceUID, VR.UI, "2.25.1" + bits);
            Part10.write(file, dataset, EXPLICIT);
            Path raw = tmp.resolve("palette" + bits + ".raw");
            ReferenceTools.python("/image/pydicom_palette.py", "", file.toString(), raw.toString());
            ByteBuffer expected = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            Raster rgb = ColourConversion.toRgb(PixelData.of(Part10.read(file)).decode(1), dataset);
            assertThat(rgb.length()).isEqualTo(expected.capacity() / 8).isEqualTo(48);
            for (int i = 0; i < rgb.length(); i++) {
                assertThat(rgb.value(i)).as(bits + "-bit palette, sample " + i).isEqualTo(expected.getLong());
            }
        }
    }

    @Test
    void roiStatisticsAreInModalityUnits() throws Exception {
        // a 4x4 ramp 0..15, rescaled by 2 and -100
        byte[] pixels = new byte[32];
        for (int i = 0; i < 16; i++) {
            pixels[2 * i] = (byte) i;
        }
        Attributes dataset = image(4, 4, 1, 16, 16, 15, false, "MONOCHROME2", pixels);
        dataset.setString(Tags.RescaleSlope, VR.DS, "2");
        dataset.setString(Tags.RescaleIntercept, VR.DS, "-100");
        Raster raster = PixelData.of(dataset, EXPLICIT).decode(1);
        ModalityLut lut = ModalityLut.of(dataset);
        // columns 1-2 of rows 1-2: stored 5, 6, 9, 10
        RoiStatistics square = RoiStatistics.of(raster, lut, Roi.rectangle(1, 1, 2, 2));
        assertThat(square.count()).isEqualTo(4);
        assertThat(square.mean()).isEqualTo(-85);
        assertThat(square.min()).isEqualTo(-90);
        assertThat(square.max()).isEqualTo(-80);
        assertThat(square.standardDeviation()).isCloseTo(Math.sqrt((25 + 9 + 9 + 25) * 4 / 3.0 / 4), org.assertj.core.data.Offset.offset(1e-9));
        // radius 1 round the centre (2, 2): the pixel centres at distance ≤ 1 are those of stored 5, 6, 9, 10
        RoiStatistics circle = RoiStatistics.of(raster, lut, Roi.circle(2, 2, 1));
        assertThat(circle.count()).isEqualTo(4);
        assertThat(circle.mean()).isEqualTo(-85);
        // the whole image, and a region reaching past it
        assertThat(RoiStatistics.of(raster, lut, Roi.rectangle(-5, -5, 50, 50)).count()).isEqualTo(16);
        assertThatThrownBy(() -> RoiStatistics.of(raster, lut, Roi.rectangle(10, 10, 2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pixel");
    }

    @Test
    void truncatedPixelDataIsAPixelDataException() throws Exception {
        Attributes dataset = image(4, 4, 1, 16, 16, 15, false, "MONOCHROME2", new byte[30]);
        assertThatThrownBy(() -> PixelData.of(dataset, EXPLICIT).decode(1)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("truncated");
        DicomFile rle = Part10.read(ReferenceTools.TEST_FILES.resolve("MR_small_RLE.dcm"));
        byte[] fragment = rle.dataset().getFragments(Tag.PIXEL_DATA).fragments().get(0);
        Attributes cut = copy(rle.dataset());
        cut.setValue(Tag.PIXEL_DATA, VR.OB, new Fragments().add(new byte[0])
                .add(Arrays.copyOf(fragment, fragment.length / 2)));
        assertThatThrownBy(() -> PixelData.of(cut, RLE).decode(1)).isInstanceOf(PixelDataException.class)
                .hasMessageContaining("RLE segment");
    }

    @Test
    void aFrameOutOfRangeIsAPixelDataException() throws Exception {
        PixelData pixels = PixelData.of(Part10.read(ReferenceTools.TEST_FILES.resolve("CT_small.dcm")));
        for (int frame : new int[] {0, 2, -1}) {
            assertThatThrownBy(() -> pixels.decode(frame)).isInstanceOf(PixelDataException.class)
                    .hasMessage("frame " + frame + " does not exist: the image has 1 frame");
            assertThatThrownBy(() -> pixels.encodedFrame(frame)).isInstanceOf(PixelDataException.class);
        }
    }

    @Test
    void undecodableSyntaxesAreNamed() throws Exception {
        PixelData j2k = PixelData.of(Part10.read(ReferenceTools.TEST_FILES.resolve("JPEG2000.dcm")));
        assertThat(j2k.decodable()).isFalse();
        assertThatThrownBy(() -> j2k.decode(1)).isInstanceOf(NotDecodableException.class)
                .hasMessageStartingWith("JPEG 2000 images cannot be decoded here")
                .extracting(e -> ((NotDecodableException) e).transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.4.91");
        assertThat(j2k.encodedFrame(1)).isNotEmpty(); // still retrievable as stored
        PixelData twelveBit = PixelData.of(Part10.read(ReferenceTools.TEST_FILES.resolve("JPGExtended.dcm")));
        assertThatThrownBy(() -> twelveBit.decode(1)).isInstanceOf(NotDecodableException.class)
                .hasMessageStartingWith("12-bit JPEG images cannot be decoded here");
        assertThatThrownBy(() -> ImageRenderer.of(Part10.read(ReferenceTools.TEST_FILES.resolve("JPEG2000.dcm")))
                .png(1, Rendering.defaults())).isInstanceOf(NotDecodableException.class);
        Attributes noPixels = new Attributes();
        assertThatThrownBy(() -> PixelData.of(noPixels, EXPLICIT)).isInstanceOf(PixelDataException.class)
                .hasMessage("the object has no Pixel Data");
    }

    static Attributes image(int rows, int columns, int samples, int allocated, int stored, int highBit,
            boolean signed, String photometric, byte[] pixels) {
        Attributes dataset = new Attributes();
        dataset.setInts(Tags.Rows, VR.US, rows);
        dataset.setInts(Tags.Columns, VR.US, columns);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, samples);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, photometric);
        dataset.setInts(Tags.BitsAllocated, VR.US, allocated);
        dataset.setInts(Tags.BitsStored, VR.US, stored);
        dataset.setInts(Tags.HighBit, VR.US, highBit);
        dataset.setInts(Tags.PixelRepresentation, VR.US, signed ? 1 : 0);
        if (samples > 1) {
            dataset.setInts(Tags.PlanarConfiguration, VR.US, 0);
        }
        dataset.setValue(Tag.PIXEL_DATA, allocated > 8 ? VR.OW : VR.OB, pixels);
        return dataset;
    }

    private static void palette(Attributes dataset, int descriptor, int data, int[] entries, int bits) {
        dataset.setInts(descriptor, VR.US, entries.length, 2, bits);
        ByteBuffer buffer = ByteBuffer.allocate(2 * entries.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int entry : entries) {
            buffer.putShort((short) entry);
        }
        dataset.setValue(data, VR.OW, buffer.array());
    }

    private static byte[] words(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putShort((short) value);
        }
        return buffer.array();
    }

    private static byte[] littleEndian(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static Attributes copy(Attributes dataset) {
        Attributes copy = new Attributes();
        for (int i = 0; i < dataset.size(); i++) {
            copy.setValue(dataset.tagAt(i), dataset.vrAt(i), dataset.valueAt(i));
        }
        return copy;
    }
}
