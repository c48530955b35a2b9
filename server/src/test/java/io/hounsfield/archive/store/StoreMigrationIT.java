package io.hounsfield.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.ingest.StoreRecovery;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code migrate-store}: files of the older layout move to their buckets, bytes and index rows kept. */
@HounsfieldIntegrationTest
class StoreMigrationIT {
    @Autowired
    StoreMigration migration;

    @Autowired
    StoreRecovery recovery;

    @Autowired
    ArchiveIndex index;

    @Autowired
    StoreVerification verification;

    @Autowired
    DataDirectory data;

    @Test
    void filesOfTheOlderLayoutMoveToTheirBucketsAndTheIndexFollows() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("MIG-1", "MIGRATE^MIA", "MIGACC1", "20250501");
        String seriesUid = TestStudies.newUid();
        List<Attributes> images = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            Attributes image = TestStudies.image(study, seriesUid, 1, number);
            Path former = data.store().resolve(StoreLayout.formerPath(study.studyUid(), seriesUid,
                    image.getString(Tags.SOPInstanceUID)));
            Files.createDirectories(former.getParent());
            Part10.write(former, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            images.add(image);
        }
        recovery.recover();
        assertThat(migration.remaining()).isGreaterThanOrEqualTo(3);

        int[] reported = {0};
        int moved = migration.migrate(count -> reported[0] = count);

        assertThat(moved).isGreaterThanOrEqualTo(3).isEqualTo(reported[0]);
        assertThat(migration.remaining()).isZero();
        for (Attributes image : images) {
            String uid = image.getString(Tags.SOPInstanceUID);
            String key = StoreLayout.relativePath(uid);
            assertThat(index.instance(uid).orElseThrow().filePath()).isEqualTo(key);
            assertThat(Part10.read(data.store().resolve(key)).dataset().getString(Tags.SOPInstanceUID)).isEqualTo(uid);
        }
        assertThat(data.store().resolve(study.studyUid())).as("emptied study directory").doesNotExist();
        assertThat(verification.verify(checked -> { }).problems()).as("problems with these files")
                .noneMatch(problem -> problem.file().contains(study.studyUid()) || images.stream()
                        .anyMatch(image -> problem.file().contains(image.getString(Tags.SOPInstanceUID))));
    }
}
