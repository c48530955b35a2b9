package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.tool.Dump;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Part10Test {
    private static Attributes dataset() {
        Attributes dataset = DicomWriterTest.sample();
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        return dataset;
    }

    private static byte[] file(TransferSyntax syntax) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10.write(out, Part10.fileMetaFor(dataset(), syntax, null), dataset(), syntax, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    @Test
    void writesAndReadsFilesInEveryUncompressedSyntax() throws IOException {
        for (TransferSyntax syntax : TransferSyntax.uncompressed()) {
            byte[] bytes = file(syntax);
            assertThat(new String(bytes, 128, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DICM");
            DicomFile file = Part10.read(new ByteArrayInputStream(bytes), ReadOptions.DEFAULT);
            assertThat(file.transferSyntax()).isEqualTo(syntax);
            assertThat(file.fileMeta().getString(0x00020002)).isEqualTo(Uids.CTImageStorage);
            assertThat(file.fileMeta().getString(0x00020012)).isEqualTo(Part10.IMPLEMENTATION_CLASS_UID);
            long metaLength = file.fileMeta().getLongs(0x00020000)[0];
            if (!syntax.deflated()) {
                assertThat(bytes[132 + 12 + (int) metaLength + (syntax.bigEndian() ? 1 : 0)]).isEqualTo((byte) 0x08);
            }
            assertThat(Dump.canonical(file.dataset())).contains("00100010 PN [Müller^Ågot]");
        }
    }

    @Test
    void readsFilesWithoutPreambleOrWithoutFileMeta() throws IOException {
        byte[] bytes = file(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] noPreamble = Arrays.copyOfRange(bytes, 132, bytes.length);
        assertThat(Part10.read(new ByteArrayInputStream(noPreamble), ReadOptions.DEFAULT).dataset().getString(Tags.SOPInstanceUID))
                .isEqualTo("1.2.3");
        for (TransferSyntax syntax : new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN}) {
            byte[] raw = DicomWriterTest.write(dataset(), syntax, WriteOptions.DEFAULT);
            DicomFile file = Part10.read(new ByteArrayInputStream(raw), ReadOptions.DEFAULT);
            assertThat(file.fileMeta().isEmpty()).isTrue();
            assertThat(file.transferSyntax()).isEqualTo(syntax);
            assertThat(file.dataset().getInt(Tags.Rows, 0)).isEqualTo(2);
        }
    }

    @Test
    void opensHeaderOnlyAndLeavesPixelDataInTheStream() throws IOException {
        Part10.Opened opened = Part10.open(new ByteArrayInputStream(file(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)),
                ReadOptions.DEFAULT.withStopAtPixelData(true));
        Attributes header = opened.reader().readDataset();
        assertThat(header.getInt(Tags.Columns, 0)).isEqualTo(2);
        assertThat(opened.reader().stoppedAtPixelData()).isTrue();
        assertThat(opened.reader().remainingInput().readAllBytes()).containsExactly(1, 0, 2, 0, 3, 0, 4, 0);
    }

    @Test
    void readsDeflatedFilesAsStreams() throws IOException {
        byte[] bytes = file(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        DicomFile file = Part10.read(new ByteArrayInputStream(bytes), ReadOptions.DEFAULT);
        assertThat(Dump.canonical(file.dataset())).isEqualTo(Dump.canonical(dataset()));
    }

    @Test
    void reportsCorruptDeflatedDataAsAParseFailure() throws IOException {
        byte[] bytes = file(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        int metaEnd = 132 + 12 + (int) Part10.read(new ByteArrayInputStream(bytes), ReadOptions.DEFAULT).fileMeta()
                .getLongs(0x00020000)[0];
        byte[] corrupt = bytes.clone();
        Arrays.fill(corrupt, metaEnd, metaEnd + 8, (byte) 0xFF);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Part10.read(new ByteArrayInputStream(corrupt), ReadOptions.DEFAULT))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("deflated");
        byte[] cut = Arrays.copyOf(bytes, metaEnd + 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Part10.read(new ByteArrayInputStream(cut), ReadOptions.DEFAULT))
                .isInstanceOf(DicomParseException.class);
    }

    @Test
    void boundsWhatADeflateBombCanClaim() throws IOException {
        Attributes bomb = dataset();
        bomb.setValue(Tags.PixelData, VR.OB, new byte[64 * 1024 * 1024]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransferSyntax deflated = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
        Part10.write(out, Part10.fileMetaFor(bomb, deflated, null), bomb, deflated, WriteOptions.DEFAULT);
        assertThat(out.size()).isLessThan(200_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Part10.read(new ByteArrayInputStream(out.toByteArray()),
                        ReadOptions.DEFAULT.withMaxDatasetLength(1024 * 1024)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("data set exceeds the limit");
    }
}
