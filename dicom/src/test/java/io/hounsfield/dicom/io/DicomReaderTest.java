package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DicomReaderTest {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private static Attributes read(Bytes bytes, TransferSyntax syntax) throws IOException {
        return new DicomReader(bytes.stream(), syntax, ReadOptions.DEFAULT).readDataset();
    }

    @Test
    void readsExplicitImplicitAndBigEndian() throws IOException {
        Bytes explicit = Bytes.littleEndian().shortElement(Tags.Modality, "CS", "CT").tag(Tags.Rows).ascii("US").u16(2).u16(512);
        assertThat(read(explicit, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).getInt(Tags.Rows, 0)).isEqualTo(512);
        Bytes implicit = Bytes.littleEndian().implicitHeader(Tags.Modality, 2).ascii("MR").implicitHeader(Tags.Rows, 2).u16(256);
        Attributes dataset = read(implicit, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.vr(Tags.Rows)).isEqualTo(VR.US);
        assertThat(dataset.getString(Tags.Modality)).isEqualTo("MR");
        Bytes big = new Bytes(true).tag(Tags.Rows).ascii("US").u16(2).u16(512).tag(Tags.PixelData).ascii("OW").u16(0).u32(4).u16(1).u16(2);
        Attributes bigEndian = read(big, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        assertThat(bigEndian.getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(bigEndian.bytes(Tags.PixelData)).containsExactly(1, 0, 2, 0);
    }

    @Test
    void readsSequencesOfUndefinedLengthAndUnAsImplicitSequence() throws IOException {
        Bytes bytes = Bytes.littleEndian().longHeader(Tags.ReferencedStudySequence, "SQ", UNDEFINED)
                .tag(Tag.ITEM).u32(UNDEFINED).shortElement(Tags.ReferencedSOPInstanceUID, "UI", "1.2")
                .tag(Tag.ITEM_DELIMITATION).u32(0).tag(Tag.SEQUENCE_DELIMITATION).u32(0)
                .longHeader(0x00091010, "UN", UNDEFINED).tag(Tag.ITEM).u32(10).implicitHeader(Tags.PatientID, 2).ascii("42")
                .tag(Tag.SEQUENCE_DELIMITATION).u32(0);
        Attributes dataset = read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.getSequence(Tags.ReferencedStudySequence).get(0).getString(Tags.ReferencedSOPInstanceUID))
                .isEqualTo("1.2");
        assertThat(dataset.vr(0x00091010)).isEqualTo(VR.SQ);
        assertThat(dataset.getSequence(0x00091010).get(0).getString(Tags.PatientID)).isEqualTo("42");
    }

    @Test
    void keepsEncapsulatedPixelDataAsFragments() throws IOException {
        Bytes bytes = Bytes.littleEndian().longHeader(Tags.PixelData, "OB", UNDEFINED).tag(Tag.ITEM).u32(0)
                .tag(Tag.ITEM).u32(4).raw(new byte[] {1, 2, 3, 4}).tag(Tag.SEQUENCE_DELIMITATION).u32(0);
        Fragments fragments = read(bytes, TransferSyntax.of("1.2.840.10008.1.2.4.50")).getFragments(Tags.PixelData);
        assertThat(fragments.offsetTable()).isEmpty();
        assertThat(fragments.fragments()).hasSize(1);
        assertThat(fragments.fragments().get(0)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void stopsAtPixelDataWithTheInputAtItsValue() throws IOException {
        Bytes bytes = Bytes.littleEndian().shortElement(Tags.Modality, "CS", "CT").longHeader(Tags.PixelData, "OW", 4)
                .raw(new byte[] {9, 8, 7, 6});
        DicomReader reader = new DicomReader(bytes.stream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.DEFAULT.withStopAtPixelData(true));
        Attributes dataset = reader.readDataset();
        assertThat(dataset.contains(Tags.PixelData)).isFalse();
        assertThat(reader.stoppedAtPixelData()).isTrue();
        assertThat(reader.pixelDataVr()).isEqualTo(VR.OW);
        assertThat(reader.pixelDataLength()).isEqualTo(4);
        assertThat(reader.remainingInput().readAllBytes()).containsExactly(9, 8, 7, 6);
    }

    @Test
    void handsPixelDataToAConsumerWithoutHoldingIt() throws IOException {
        List<String> seen = new ArrayList<>();
        PixelDataConsumer consumer = new PixelDataConsumer() {
            @Override
            public void nativePixelData(Attributes dataset, VR vr, long length, InputStream value) throws IOException {
                seen.add(vr + " " + length + " " + value.read());
            }

            @Override
            public void fragment(Attributes dataset, int index, long length, InputStream value) throws IOException {
                seen.add(index + ":" + length);
            }
        };
        Bytes bytes = Bytes.littleEndian().longHeader(Tags.PixelData, "OW", 4).raw(new byte[] {5, 6, 7, 8})
                .longHeader(Tags.DataSetTrailingPadding, "OB", 2).raw(new byte[2]);
        Attributes dataset = new DicomReader(bytes.stream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.DEFAULT.withPixelData(consumer)).readDataset();
        assertThat(seen).containsExactly("OW 4 5");
        assertThat(dataset.contains(Tags.PixelData)).isFalse();
        assertThat(dataset.contains(Tags.DataSetTrailingPadding)).isTrue();
    }

    @Test
    void rejectsALengthPastTheEndWithoutAllocatingIt() {
        Bytes bytes = Bytes.littleEndian().longHeader(Tags.PixelData, "OB", 0x70000000L).raw(new byte[10]);
        assertThatThrownBy(() -> read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOfSatisfying(DicomParseException.class, e -> {
                    assertThat(e.tag()).isEqualTo(Tags.PixelData);
                    assertThat(e.offset()).isZero();
                    assertThat(e.getMessage()).contains("runs past the end");
                });
    }

    @Test
    void rejectsLengthsOverTheLimitAndAbsurdOnes() {
        Bytes bytes = Bytes.littleEndian().implicitHeader(Tags.PatientID, 0xFFFFFFF0L).ascii("42");
        assertThatThrownBy(() -> read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("exceeds the limit");
        Bytes small = Bytes.littleEndian().shortElement(Tags.PatientID, "LO", "0123456789");
        assertThatThrownBy(() -> new DicomReader(small.stream(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                ReadOptions.DEFAULT.withMaxElementLength(8)).readDataset())
                .isInstanceOf(DicomParseException.class).hasMessageContaining("limit of 8");
    }

    @Test
    void rejectsBadVrsTruncationAndStrayDelimiters() {
        Bytes badVr = Bytes.littleEndian().tag(Tags.PatientID).ascii("x1").u16(0);
        assertThatThrownBy(() -> read(badVr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("bad VR");
        Bytes truncated = Bytes.littleEndian().shortElement(Tags.PatientID, "LO", "42").raw((byte) 0x10, (byte) 0);
        assertThatThrownBy(() -> read(truncated, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOfSatisfying(DicomParseException.class, e -> assertThat(e.offset()).isEqualTo(10));
        Bytes stray = Bytes.littleEndian().tag(Tag.SEQUENCE_DELIMITATION).u32(0);
        assertThatThrownBy(() -> read(stray, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("unexpected item");
        Bytes unknownItemTag = Bytes.littleEndian().tag(0xFFFE1234).u32(0);
        assertThatThrownBy(() -> read(unknownItemTag, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("unexpected item");
        Bytes undefinedString = Bytes.littleEndian().longHeader(Tags.PatientID, "UT", UNDEFINED);
        assertThatThrownBy(() -> read(undefinedString, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("undefined length");
    }

    @Test
    void rejectsNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
        Bytes bytes = Bytes.littleEndian();
        for (int i = 0; i < 100_000; i++) {
            bytes.implicitHeader(Tags.ReferencedStudySequence, UNDEFINED).tag(Tag.ITEM).u32(UNDEFINED);
        }
        assertThatThrownBy(() -> read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("nest deeper than 64");
    }

    @Test
    void toleratesAFewElementsOutOfOrderButNotMany() throws IOException {
        Bytes few = Bytes.littleEndian().implicitHeader(Tags.PatientID, 2).ascii("42").implicitHeader(Tags.Modality, 2).ascii("CT");
        assertThat(read(few, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN).tagAt(0)).isEqualTo(Tags.Modality);
        Bytes many = Bytes.littleEndian();
        for (int element = 0xFFFF; element > 0xF000; element--) {
            many.implicitHeader(Tag.of(0x0009, element), 0);
        }
        assertThatThrownBy(() -> read(many, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("out of ascending tag order");
    }

    @Test
    void resolvesAmbiguousVrsOfImplicitVr() throws IOException {
        Bytes bytes = Bytes.littleEndian().implicitHeader(Tags.PixelRepresentation, 2).u16(1)
                .implicitHeader(Tags.SmallestImagePixelValue, 2).u16(0xFC00).implicitHeader(Tags.PixelData, 2).u16(7);
        Attributes dataset = read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.vr(Tags.SmallestImagePixelValue)).isEqualTo(VR.SS);
        assertThat(dataset.getInt(Tags.SmallestImagePixelValue, 0)).isEqualTo(-1024);
        assertThat(dataset.vr(Tags.PixelData)).isEqualTo(VR.OW);
    }

    @Test
    void readsPrivateElementsWithThePrivateDictionary() throws IOException {
        Bytes bytes = Bytes.littleEndian().implicitHeader(0x00090010, 12).ascii("GEMS_IDEN_01")
                .implicitHeader(0x00091002, 4).ascii("CT01").implicitHeader(0x00091099, 2).ascii("??");
        Attributes dataset = read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.vr(0x00090010)).isEqualTo(VR.LO);
        assertThat(dataset.vr(0x00091002)).isEqualTo(VR.SH);
        assertThat(dataset.vr(0x00091099)).isEqualTo(VR.UN);
    }

    @Test
    void growsValuesOnlyAsTheInputDelivers() throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(new byte[3_000_000]);
        Bytes bytes = Bytes.littleEndian().longHeader(Tags.PixelData, "OB", value.size()).raw(value.toByteArray());
        assertThat(read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).bytes(Tags.PixelData)).hasSize(3_000_000);
    }
}
