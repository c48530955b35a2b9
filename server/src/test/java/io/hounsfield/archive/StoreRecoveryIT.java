package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.ingest.StoreRecovery;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a crash leaves behind is cleaned up: temporary files removed, files without index rows indexed, in either
 * layout (with the {@code InstanceStored} event their lost commit took with it); after a clean stop the store is not
 * walked.
 */
@HounsfieldIntegrationTest
class StoreRecoveryIT {
    @Autowired
    StoreRecovery recovery;

    @Autowired
    ArchiveIndex index;

    @Autowired
    DataDirectory data;

    @Autowired
    JdbcClient jdbc;

    @Test
    void leftoversOfACrashAreRemovedOrIndexed() throws Exception {
        Path temporary = data.store().resolve("incoming").resolve("crashed" + StoreLayout.TEMPORARY_SUFFIX);
        Files.write(temporary, new byte[1000]);
        TestStudies.Study study = TestStudies.Study.of("REC-1", "RECOVER^ME", "RECACC1", "20250401");
        Attributes image = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        String relative = StoreLayout.formerPath(study.studyUid(), image.getString(Tags.SeriesInstanceUID),
                image.getString(Tags.SOPInstanceUID));
        Path unindexed = data.store().resolve(relative);
        Files.createDirectories(unindexed.getParent());
        Part10.write(unindexed, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path garbage = unindexed.resolveSibling("1.2.3.dcm");
        Files.write(garbage, new byte[] {1, 2, 3});

        StoreRecovery.Result result = recovery.recover();

        assertThat(temporary).doesNotExist();
        assertThat(index.instance(image.getString(Tags.SOPInstanceUID))).hasValueSatisfying(stored -> {
            assertThat(stored.filePath()).isEqualTo(relative);
            assertThat(stored.studyInstanceUid()).isEqualTo(study.studyUid());
        });
        assertThat(index.instance("1.2.3")).isEmpty();
        assertThat(result.temporaryFilesRemoved()).isGreaterThanOrEqualTo(1);
        assertThat(result.filesIndexed()).isGreaterThanOrEqualTo(1);
        assertThat(result.filesUnreadable()).isGreaterThanOrEqualTo(1);
        assertThat(recovery.recover().filesIndexed()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM archive_event WHERE kind = 'InstanceStored' AND sop_instance_uid = ?")
                .param(image.getString(Tags.SOPInstanceUID)).query(Long.class).single())
                .as("the event the lost commit took with it, recorded once").isEqualTo(1);
    }

    @Test
    void afterACleanStopOnlyTemporaryFilesAreLookedFor() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("REC-2", "RECOVER^CLEAN", "RECACC2", "20250402");
        Attributes image = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        Path unindexed = data.store().resolve(StoreLayout.relativePath(image.getString(Tags.SOPInstanceUID)));
        Files.createDirectories(unindexed.getParent());
        Part10.write(unindexed, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path temporary = data.store().resolve("incoming").resolve("interrupted" + StoreLayout.TEMPORARY_SUFFIX);
        Files.write(temporary, new byte[10]);

        recovery.stop();
        recovery.start();

        assertThat(temporary).doesNotExist();
        assertThat(index.instance(image.getString(Tags.SOPInstanceUID))).as("no walk after a clean stop").isEmpty();

        recovery.start();
        assertThat(index.instance(image.getString(Tags.SOPInstanceUID))).as("the mark is used once").isPresent();
    }
}
