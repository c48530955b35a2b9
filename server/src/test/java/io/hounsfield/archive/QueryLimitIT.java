package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A C-FIND with more matches than allowed is refused with a reason, not cut short as if it were complete. */
@HounsfieldIntegrationTest
@TestPropertySource(properties = "hounsfield.archive.max-query-matches=2")
class QueryLimitIT {
    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    @Test
    void moreMatchesThanAllowedAreRefusedWithOutOfResources() throws Exception {
        String patientId = "LIM-" + System.nanoTime();
        for (String accession : new String[] {"LIM1", "LIM2", "LIM3"}) {
            TestStudies.write(work.resolve("studies"), TestStudies.Study.of(patientId, "LIMIT^LEO", accession,
                    "20250301"), 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), work.resolve("studies").toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        Dcmtk.Run tooMany = findscu("PatientID=" + patientId);
        assertThat(tooMany.output()).contains("DIMSE Status                  : 0xa700: Refused: Out of resources",
                "(0000,0902) LO [more than 2 matches: narrow the query")
                .doesNotContain("Pending: Matches are continuing");

        Dcmtk.Run enough = findscu("PatientID=" + patientId, "AccessionNumber=LIM1");
        assertThat(enough.output()).contains("Received Find Response 1", "0x0000: Success")
                .doesNotContain("Received Find Response 2");
    }

    private Dcmtk.Run findscu(String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("findscu", "-d", "-aet", "CT1",
                "-aec", "HOUNSFIELD", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID"));
        for (String key : keys) {
            command.addAll(List.of("-k", key));
        }
        command.addAll(List.of("127.0.0.1", String.valueOf(listener.port())));
        return Dcmtk.run(work, command.toArray(String[]::new));
    }
}
