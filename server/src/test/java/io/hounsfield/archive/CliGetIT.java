package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.tool.DicomScuCli;
import io.hounsfield.scp.DicomListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code hounsfield-dicom get} of a study with a dose SR: the SR's class (beyond the first 100 of the dictionary's
 * 185 storage classes) is proposed because the client asks the server which classes the study holds.
 */
@HounsfieldIntegrationTest
class CliGetIT {
    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    @Test
    void getReceivesTheImagesAndTheDoseReportOfAStudy() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("CLIGET-" + System.nanoTime(), "DOSE^REPORT", "CG1", "20250303");
        Path folder = work.resolve("study");
        TestStudies.write(folder, study, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes report = TestStudies.image(study, TestStudies.newUid(), 99, 1);
        report.setString(Tags.SOPClassUID, VR.UI, Uids.XRayRadiationDoseSRStorage);
        report.setString(Tags.Modality, VR.CS, "SR");
        report.remove(Tags.PixelData);
        Part10.write(folder.resolve("dose.dcm"), report, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        Path got = work.resolve("got");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = new DicomScuCli().run(new String[] {"get", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-S", "-L",
                "STUDY", "-od", got.toString(), "-k", "StudyInstanceUID=" + study.studyUid(), "127.0.0.1",
                String.valueOf(listener.port())}, new PrintStream(output, true, StandardCharsets.UTF_8));

        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("3 completed, 0 failed");
        try (Stream<Path> files = Files.list(got)) {
            List<String> classes = files.map(file -> {
                try {
                    return Part10.read(file).dataset().getString(Tags.SOPClassUID);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(classes).containsExactlyInAnyOrder(Uids.CTImageStorage, Uids.CTImageStorage,
                    Uids.XRayRadiationDoseSRStorage);
        }
    }
}
