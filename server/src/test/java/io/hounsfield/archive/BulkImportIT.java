package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code --hounsfield.archive.import=FOLDER} files a folder at start; a second run finds everything there. */
@HounsfieldIntegrationTest
class BulkImportIT {
    private static final TestStudies.Study STUDY = TestStudies.Study.of("IMP-1", "IMPORTED^IDA", "IMPACC1",
            "20250801");
    private static Path folder;

    @Autowired
    ArchiveIndex index;

    @Autowired
    BulkImport bulkImport;

    @Autowired
    AuditService audit;

    @Autowired
    DataDirectory data;

    @DynamicPropertySource
    static void importFolder(DynamicPropertyRegistry properties) {
        try {
            folder = Files.createTempDirectory("hounsfield-import");
            TestStudies.write(folder.resolve("a"), STUDY, 1, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            TestStudies.write(folder.resolve("b"), STUDY, 1, 2, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            Files.writeString(folder.resolve("README.txt"), "not DICOM");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.add("hounsfield.archive.import", folder::toString);
    }

    @Test
    void theFolderIsFiledAtStartAndAuditedOncePerStudy() throws Exception {
        assertThat(index.instancesOfStudy(STUDY.studyUid())).hasSize(5).allSatisfy(instance ->
                assertThat(data.store().resolve(instance.filePath())).isRegularFile());
        assertThat(audit.search(new AuditQuery("IMPORT", null, "STUDY_STORED", null, null, 0)))
                .filteredOn(event -> STUDY.studyUid().equals(event.objectId())).hasSize(1);

        assertThat(bulkImport.importFolder(folder)).isEqualTo(new BulkImport.Result(0, 5, 1));
    }
}
