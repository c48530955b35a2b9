package io.hounsfield.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.image.PixelData;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.dicom.io.DicomFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real file Debian's python3-pydicom ships is checked without an exception escaping the checks. */
class PydicomFilesTest {

    private static final Path FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Test
    void everyFileIsCheckedAndAnUndecodableOneSaysSo() throws IOException {
        assertThat(FILES).as("install python3-pydicom").isDirectory();
        int checked = 0;
        int notDecoded = 0;
        try (Stream<Path> files = Files.walk(FILES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".dcm")).sorted().toList()) {
                DicomFile dicom;
                try {
                    dicom = PixelDataFiles.read(file);
                } catch (IOException | RuntimeException unreadable) {
                    continue; // malformed on purpose: the subscriber records it as not checked
                }
                List<CheckResult> results = ImageChecks.run(dicom.dataset(), () -> PixelData.of(dicom).decode(1),
                        new ImageChecks.Context("L", false, ImageChecksTest.DEFAULTS));
                assertThat(results).as(file.toString()).isNotEmpty()
                        .allSatisfy(result -> assertThat(result.finding()).doesNotStartWith("check failed"));
                checked++;
                notDecoded += (int) results.stream().filter(result -> result.code().equals("BLANK")
                        && result.finding().startsWith("pixels not checked: ")).count();
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(notDecoded).isGreaterThan(0);
    }
}
