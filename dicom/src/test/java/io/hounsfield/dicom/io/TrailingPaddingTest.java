package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.tool.Dump;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Zero bytes after the data set of a file (seen after a real MR volume) are ignored, as dcmtk and pydicom do. */
class TrailingPaddingTest {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Test
    void megabytesOfZeroBytesAfterTheDataSetOfARealFileAreIgnored() throws IOException {
        for (String name : new String[] {"MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm"}) {
            byte[] file = Files.readAllBytes(PYDICOM.resolve(name));
            byte[] padded = Arrays.copyOf(file, file.length + 3 * 1024 * 1024 + 7);

            DicomFile read = Part10.read(new ByteArrayInputStream(padded), ReadOptions.DEFAULT);

            assertThat(Dump.canonical(read.dataset())).as(name)
                    .isEqualTo(Dump.canonical(Part10.read(new ByteArrayInputStream(file), ReadOptions.DEFAULT).dataset()));
        }
    }

    @Test
    void nonZeroBytesAfterZeroPaddingAreStillAParseFailure() throws IOException {
        byte[] file = Files.readAllBytes(PYDICOM.resolve("MR_small.dcm"));
        byte[] padded = Arrays.copyOf(file, file.length + 4096);
        padded[padded.length - 10] = 0x55;

        assertThatThrownBy(() -> Part10.read(new ByteArrayInputStream(padded), ReadOptions.DEFAULT))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("zero padding");
    }
}
