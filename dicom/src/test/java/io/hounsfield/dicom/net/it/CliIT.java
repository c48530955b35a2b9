package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.tool.DicomScuCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hounsfield-dicom echo|store|find|move|get|mpps|commit} against our SCP (and storescp as move target). */
class CliIT {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new DicomScuCli().run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void everyCommandAgainstOurScp() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir)) {
            String port = String.valueOf(scp.port());
            String[] target = {"-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1", port};
            assertThat(run(0, concat(new String[] {"echo"}, target))).contains("C-ECHO status 0x0000");

            Path source = Files.createDirectories(dir.resolve("source"));
            TestImages.write(source, "CLI1", 1, 4, 32, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(run(0, concat(new String[] {"store", "-n", "2"}, target, new String[] {source.toString()})))
                    .contains("stored 4, failed 0");
            assertThat(StoreIT.list(scp.received)).hasSize(4);

            assertThat(run(0, concat(new String[] {"find", "-P", "-L", "PATIENT", "-k", "PatientID", "-k",
                    "PatientName"}, target))).contains("1 matches").contains("DOE^CLI1");
            assertThat(run(0, concat(new String[] {"find", "-W", "-k", "PatientName", "-k", "AccessionNumber"},
                    target))).contains("WORK^LIST");

            Path got = dir.resolve("got");
            assertThat(run(0, concat(new String[] {"get", "-od", got.toString(), "-k", "PatientID=CLI1"}, target)))
                    .contains("4 completed");
            assertThat(StoreIT.list(got)).hasSize(4);
            assertThat(run(1, concat(new String[] {"move", "-dest", "NOWHERE", "-k", "PatientID=CLI1"}, target)))
                    .contains("status 0xA801");

            String created = run(0, concat(new String[] {"mpps", "-k", "PerformedProcedureStepStatus=IN PROGRESS",
                    "-k", "PatientID=CLI1"}, target));
            String uid = created.substring(created.indexOf("MPPS ") + 5).strip();
            run(0, concat(new String[] {"mpps", "-set", uid, "-k", "PerformedProcedureStepStatus=COMPLETED"}, target));
            Attributes step = scp.archive.mpps.get(uid);
            assertThat(step.getString(Tags.PerformedProcedureStepStatus)).isEqualTo("COMPLETED");
            assertThat(step.getString(Tags.PatientID)).isEqualTo("CLI1");

            assertThat(run(0, concat(new String[] {"commit", "-wait", "10"}, target, new String[] {source.toString()})))
                    .contains("N-ACTION status 0x0000").contains("N-EVENT-REPORT event type 1: 4 committed, 0 failed");
            Attributes request = scp.archive.commitments.get(0);
            assertThat(request.getSequence(Tags.ReferencedSOPSequence).size()).isEqualTo(4);
            assertThat(request.getSequence(Tags.ReferencedSOPSequence).get(0).getString(Tags.ReferencedSOPClassUID))
                    .isEqualTo(Uids.CTImageStorage);
        }
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

}
