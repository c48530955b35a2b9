package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.tool.Dump;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DicomWriterTest {
    static Attributes sample() {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        dataset.setString(Tags.SOPInstanceUID, VR.UI, "1.2.3");
        dataset.setPersonName(Tags.PatientName, PersonName.of("Müller", "Ågot"));
        dataset.setInts(Tags.Rows, VR.US, 2);
        dataset.setInts(Tags.Columns, VR.US, 2);
        dataset.setDoubles(Tags.DiffusionBValue, VR.FD, -1.5);
        dataset.setInts(Tags.ReferencedFrameNumber, VR.IS, 1, 2, 3);
        Attributes item = dataset.newSequence(Tags.ReferencedSeriesSequence).addItem();
        item.setString(Tags.SeriesInstanceUID, VR.UI, "1.2.3.4");
        item.newSequence(Tags.ReferencedInstanceSequence);
        dataset.newSequence(Tags.OtherPatientIDsSequence);
        dataset.setString(0x00290010, VR.LO, "HOUNSFIELD");
        dataset.setValue(0x00291001, VR.OB, new byte[] {1, 2, 3});
        dataset.setValue(Tags.PixelData, VR.OW, new byte[] {1, 0, 2, 0, 3, 0, 4, 0});
        return dataset;
    }

    static byte[] write(Attributes dataset, TransferSyntax syntax, WriteOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter(out, syntax, options).writeDataset(dataset);
        return out.toByteArray();
    }

    static Attributes read(byte[] bytes, TransferSyntax syntax) throws IOException {
        TransferSyntax reading = syntax;
        java.io.InputStream in = new ByteArrayInputStream(bytes);
        if (syntax.deflated()) {
            in = new java.util.zip.InflaterInputStream(in, new java.util.zip.Inflater(true));
            reading = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return new DicomReader(in, reading, ReadOptions.DEFAULT).readDataset();
    }

    @Test
    void roundTripsInEveryUncompressedSyntaxWithEitherLengthEncoding() throws IOException {
        String expected = Dump.canonical(sample());
        for (TransferSyntax syntax : TransferSyntax.uncompressed()) {
            for (boolean undefined : new boolean[] {true, false}) {
                byte[] bytes = write(sample(), syntax, WriteOptions.DEFAULT.withUndefinedLengths(undefined));
                assertThat(bytes.length % 2 == 0 || syntax.deflated()).isTrue();
                String actual = Dump.canonical(read(bytes, syntax));
                if (syntax.explicitVr()) {
                    assertThat(actual).as(syntax.name()).isEqualTo(expected);
                } else {
                    assertThat(actual).as(syntax.name()).isEqualTo(expected.replace("00291001 OB", "00291001 UN"));
                }
            }
        }
    }

    @Test
    void padsOddValuesWithTheVrsCharacter() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setValue(Tags.SOPInstanceUID, VR.UI, new byte[] {'1', '.', '2'});
        dataset.setValue(Tags.PatientID, VR.LO, new byte[] {'4', '2', '7'});
        dataset.setValue(Tags.DataSetTrailingPadding, VR.OB, new byte[] {7});
        byte[] bytes = write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(bytes).hasSize(12 + 12 + 14);
        assertThat(bytes[11]).isEqualTo((byte) 0);
        assertThat(bytes[23]).isEqualTo((byte) ' ');
        assertThat(bytes[37]).isEqualTo((byte) 0);
        assertThat(bytes[6]).isEqualTo((byte) 4);
    }

    @Test
    void writesGroupLengthsThatMatchTheGroups() throws IOException {
        byte[] bytes = write(sample(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.ADD));
        Attributes dataset = read(bytes, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dataset.getLongs(0x00280000)).containsExactly(2 * (8 + 2));
        assertThat(dataset.getLongs(0x7FE00000)).containsExactly(16);
        Attributes without = read(write(dataset, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.OMIT)), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(without.contains(0x00080000)).isFalse();
    }

    @Test
    void writesBigEndianWordsSwapped() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setInts(Tags.Rows, VR.US, 0x0102);
        dataset.setValue(Tags.PixelData, VR.OW, new byte[] {1, 2});
        byte[] bytes = write(dataset, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, WriteOptions.DEFAULT);
        assertThat(bytes).containsExactly(0, 0x28, 0, 0x10, 'U', 'S', 0, 2, 1, 2,
                0x7F, 0xE0, 0, 0x10, 'O', 'W', 0, 0, 0, 0, 0, 2, 2, 1);
    }

    @Test
    void writesLongValuesOfShortVrsAsUnInExplicitVr() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setValue(Tags.PatientComments, VR.LO, new byte[70_000]);
        Attributes reread = read(write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(reread.vr(Tags.PatientComments)).isEqualTo(VR.UN);
        assertThat(reread.bytes(Tags.PatientComments)).hasSize(70_000);
    }

    @Test
    void writesFragmentsAsItems() throws IOException {
        Attributes dataset = new Attributes();
        dataset.setValue(Tags.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[] {1, 2, 3}));
        TransferSyntax jpeg = TransferSyntax.of("1.2.840.10008.1.2.4.50");
        Fragments fragments = read(write(dataset, jpeg, WriteOptions.DEFAULT), jpeg).getFragments(Tags.PixelData);
        assertThat(fragments.fragments().get(0)).containsExactly(1, 2, 3, 0);
    }
}
