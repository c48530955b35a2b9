package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCacheTest {
    @TempDir
    Path work;

    @Test
    void anUnchangedFileIsReadOnceAndAReplacedOneAgain() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("CACHE", "CACHE^ONE", "CACHE1", "20250101");
        Attributes image = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        Path path = work.resolve("instance.dcm");
        Part10.write(path, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.setLastModifiedTime(path, FileTime.fromMillis(1_000_000));
        StoredFile file = new StoredFile(study.studyUid(), image.getString(Tags.SeriesInstanceUID),
                image.getString(Tags.SOPInstanceUID), image.getString(Tags.SOPClassUID),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), path);
        MetadataCache cache = new MetadataCache();

        InstanceMetadata.Parsed first = cache.parsed(file);
        assertThat(cache.parsed(file)).isSameAs(first);
        assertThat(first.dataset().value(Tags.PixelData)).isInstanceOf(BulkData.class);

        image.setString(Tags.PatientName, VR.PN, "CACHE^TWO");
        Part10.write(path, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.setLastModifiedTime(path, FileTime.fromMillis(2_000_000));
        InstanceMetadata.Parsed second = cache.parsed(file);
        assertThat(second).isNotSameAs(first);
        assertThat(second.dataset().getString(Tags.PatientName)).isEqualTo("CACHE^TWO");
    }
}
