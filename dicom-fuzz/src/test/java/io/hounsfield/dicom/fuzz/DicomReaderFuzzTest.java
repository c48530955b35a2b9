package io.hounsfield.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.dicom.tool.Dump;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Fuzzes the reader: any input must either parse or raise {@link DicomParseException}; never another exception, an
 * OutOfMemoryError or a hang. What parses must also dump and write back in every uncompressed transfer syntax.
 * Regression inputs live in src/test/resources/io/hounsfield/dicom/fuzz/DicomReaderFuzzTestInputs/.
 */
class DicomReaderFuzzTest {
    private static final ReadOptions OPTIONS = ReadOptions.DEFAULT.withMaxElementLength(16 * 1024 * 1024).withMaxDepth(32)
            .withMaxDatasetLength(64 * 1024 * 1024);

    @FuzzTest(maxDuration = "10m")
    void readPart10(byte[] input) throws IOException {
        DicomFile file;
        try {
            file = Part10.read(new ByteArrayInputStream(input), OPTIONS);
        } catch (DicomParseException expected) {
            return;
        }
        Dump.dump(file);
        Dump.canonical(file);
        for (TransferSyntax syntax : TransferSyntax.uncompressed()) {
            new DicomWriter(new ByteArrayOutputStream(), syntax, WriteOptions.DEFAULT).writeDataset(file.dataset());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readImplicitDataset(byte[] input) throws IOException {
        try {
            Attributes dataset = new DicomReader(new ByteArrayInputStream(input), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                    OPTIONS).readDataset();
            Dump.canonical(dataset);
        } catch (DicomParseException expected) {
            // the one failure allowed
        }
    }
}
