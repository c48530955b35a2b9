package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.archive.StoredFile;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
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
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), "instance.dcm", fileContent(path));
        MetadataCache cache = new MetadataCache();

        InstanceMetadata.Json first = cache.json(file);
        assertThat(cache.json(file)).isSameAs(first);
        String pixelData = "/studies/" + file.studyInstanceUid() + "/series/" + file.seriesInstanceUid()
                + "/instances/" + file.sopInstanceUid() + "/bulkdata/7FE00010\"";
        assertThat(text(first, "http://a/dicom-web")).contains("\"BulkDataURI\":\"http://a/dicom-web" + pixelData)
                .contains("CACHE^ONE");
        assertThat(text(first, "https://b:8443/pacs/dicom-web"))
                .contains("\"BulkDataURI\":\"https://b:8443/pacs/dicom-web" + pixelData);

        image.setString(Tags.PatientName, VR.PN, "CACHE^TWO");
        image.setString(Tags.PatientComments, VR.LT, "NUL\0INSIDE");
        Part10.write(path, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.setLastModifiedTime(path, FileTime.fromMillis(2_000_000));
        InstanceMetadata.Json second = cache.json(file);
        assertThat(second).isNotSameAs(first);
        assertThat(text(second, "http://a/dicom-web")).contains("CACHE^TWO", "NUL\\u0000INSIDE",
                "http://a/dicom-web" + pixelData);
    }

    /** The content of a file of the file system store, as the archive gives it. */
    private static StoredFile.Content fileContent(Path path) {
        return new StoredFile.Content() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }

            @Override
            public long size() throws IOException {
                return Files.size(path);
            }

            @Override
            public Path localCopy() {
                return path;
            }
        };
    }

    private static String text(InstanceMetadata.Json json, String root) throws Exception {
        StringWriter out = new StringWriter();
        json.write(root, out);
        return out.toString();
    }
}
