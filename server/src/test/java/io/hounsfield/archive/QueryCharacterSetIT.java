package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * C-FIND answers in the request's character set where the values fit (PS3.5 §6.1.2.5.3), else in UTF-8 with
 * ISO_IR 192: findscu asking in ISO_IR 100 for a French and a Polish name.
 */
@HounsfieldIntegrationTest
class QueryCharacterSetIT {
    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    @Test
    void aLatin1QueryGetsLatin1WhereTheNameFitsAndUtf8WhereItDoesNot() throws Exception {
        String french = "LEFÈVRE^HÉLÈNE";
        String polish = "ŁUKASIEWICZ^JAN";
        TestStudies.Study frenchStudy = store(french);
        TestStudies.Study polishStudy = store(polish);

        Path latin = answer(frenchStudy, "ISO_IR 100");
        assertAnswer(latin, "ISO_IR 100", french, french.getBytes(StandardCharsets.ISO_8859_1));
        Path fallback = answer(polishStudy, "ISO_IR 100");
        assertAnswer(fallback, "ISO_IR 192", polish, polish.getBytes(StandardCharsets.UTF_8));
        Path utf8 = answer(frenchStudy, "ISO_IR 192");
        assertAnswer(utf8, "ISO_IR 192", french, french.getBytes(StandardCharsets.UTF_8));
    }

    private TestStudies.Study store(String patientName) throws Exception {
        TestStudies.Study study = TestStudies.Study.of("CHARSET-" + System.nanoTime(), patientName, "CS1", "20250305");
        Attributes image = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        image.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        image.setString(Tags.PatientName, VR.PN, patientName);
        Path file = work.resolve(study.patientId() + ".dcm");
        Part10.write(file, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), file.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        return study;
    }

    private Path answer(TestStudies.Study study, String charset) throws Exception {
        Path out = Files.createDirectories(work.resolve("answers-" + System.nanoTime()));
        Dcmtk.Run find = Dcmtk.run(work, "findscu", "-S", "-X", "-od", out.toString(), "-aet", "VIEWER", "-aec",
                "HOUNSFIELD", "-k", "QueryRetrieveLevel=STUDY", "-k", "SpecificCharacterSet=" + charset, "-k",
                "StudyInstanceUID=" + study.studyUid(), "-k", "PatientName", "-k", "PatientID", "127.0.0.1",
                String.valueOf(listener.port()));
        assertThat(find.exitCode()).as(find.output()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<Path> answers = files.toList();
            assertThat(answers).hasSize(1);
            return answers.get(0);
        }
    }

    private static void assertAnswer(Path file, String charset, String name, byte[] encodedName) throws Exception {
        Attributes answer = Part10.read(file).dataset();
        assertThat(answer.getString(Tags.SpecificCharacterSet)).isEqualTo(charset);
        assertThat(answer.getString(Tags.PatientName)).isEqualTo(name);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .contains(new String(encodedName, StandardCharsets.ISO_8859_1));
    }
}
