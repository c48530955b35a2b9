package io.hounsfield.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.commands.ImportCommand;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code import DIR} files a folder through the ingest, says what failed and why; a second run finds it all there. */
@HounsfieldIntegrationTest
class BulkImportIT {
    private static final TestStudies.Study STUDY = TestStudies.Study.of("IMP-1", "IMPORTED^IDA", "IMPACC1",
            "20250801");

    @TempDir
    Path folder;

    @Autowired
    ArchiveIndex index;

    @Autowired
    ImportCommand importCommand;

    @Autowired
    AuditService audit;

    @Autowired
    DataDirectory data;

    @Test
    void theFolderIsFiledAuditedOncePerStudyAndFailuresAreExplained() throws Exception {
        TestStudies.write(folder.resolve("a"), STUDY, 1, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestStudies.write(folder.resolve("b"), STUDY, 1, 2, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        Files.writeString(folder.resolve("README.txt"), "not DICOM");

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = importCommand.run(List.of(folder.toString()), new PrintStream(output, true, UTF_8));

        assertThat(exitCode).as(output.toString(UTF_8)).isEqualTo(1);
        assertThat(output.toString(UTF_8)).contains("Importing 6 files", "6/6 files 100%", "MB/s",
                "5 stored, 0 already stored, 0 skipped, 1 failed", "FAILED: ", folder.resolve("README.txt").toString());
        assertThat(index.instancesOfStudy(STUDY.studyUid())).hasSize(5).allSatisfy(instance ->
                assertThat(data.store().resolve(instance.filePath())).isRegularFile());
        assertThat(audit.search(new AuditQuery("IMPORT", null, "STUDY_STORED", null, null, 0)))
                .filteredOn(event -> STUDY.studyUid().equals(event.objectId())).hasSize(1);

        output.reset();
        importCommand.run(List.of(folder.toString()), new PrintStream(output, true, UTF_8));
        assertThat(output.toString(UTF_8)).contains("0 stored, 5 already stored, 0 skipped, 1 failed");
    }

    @Test
    void withoutAFolderItExplainsItsUsage() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(importCommand.run(List.of(), new PrintStream(output, true, UTF_8))).isEqualTo(2);
        assertThat(output.toString(UTF_8)).startsWith("usage: java -jar hounsfield.jar import DIR");
    }
}
