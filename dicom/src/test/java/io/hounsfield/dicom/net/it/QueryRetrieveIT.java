package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.MoveService;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StoreService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-FIND, C-MOVE and C-GET both ways with dcmtk findscu/movescu/getscu and dcmqrscp. */
class QueryRetrieveIT {
    @TempDir
    Path dir;

    private static String studyUid(String patientId, int study) {
        return TestImages.ct(patientId, "X", study, 1, 1, 8).getString(Tags.StudyInstanceUID);
    }

    private Peers.Run dcmtk(String... command) throws Exception {
        Path work = Files.createTempDirectory(dir, "run");
        Peers.Run run = Peers.run(work, command);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("E: ");
        return run;
    }

    private static long responses(Path work) throws Exception {
        try (var files = Files.list(work)) {
            return files.filter(file -> file.getFileName().toString().startsWith("rsp")).count();
        }
    }

    private long find(String... arguments) throws Exception {
        Path work = Files.createTempDirectory(dir, "find");
        List<String> command = Peers.command("findscu", "-X", "-aet", "FINDSCU", "-aec", "HOUNSFIELD");
        command.addAll(List.of(arguments));
        Peers.Run run = Peers.run(work, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        return responses(work);
    }

    @Test
    void findscuMovescuGetscuAgainstOurScp() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir)) {
            TestImages.write(scp.received, "PAT1", 1, 3, 32, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            TestImages.write(scp.received, "PAT2", 2, 2, 32, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            String port = String.valueOf(scp.port());
            assertThat(find("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID", "-k", "PatientName",
                    "127.0.0.1", port)).isEqualTo(2);
            assertThat(find("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PAT1", "-k", "StudyInstanceUID",
                    "127.0.0.1", port)).isEqualTo(1);
            assertThat(find("-W", "-k", "PatientName", "-k", "PatientID", "-k", "AccessionNumber",
                    "-k", "ScheduledProcedureStepSequence[0].Modality=CT", "127.0.0.1", port)).isEqualTo(1);

            Path moved = Files.createDirectories(dir.resolve("moved"));
            int storescpPort = Peers.freePort();
            Process storescp = Peers.startServer(dir, storescpPort, "storescp", "-aet", "STORESCP",
                    "--output-directory", moved.toString(), String.valueOf(storescpPort));
            try {
                scp.archive.destinations.put("STORESCP", new MoveService.Destination("STORESCP", "127.0.0.1",
                        storescpPort));
                dcmtk("movescu", "-S", "-aet", "MOVESCU", "-aec", "HOUNSFIELD", "-aem", "STORESCP",
                        "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid("PAT1", 1),
                        "127.0.0.1", port);
            } finally {
                Peers.stop(storescp);
            }
            assertThat(StoreIT.list(moved)).hasSize(3);

            Path got = Files.createDirectories(dir.resolve("got"));
            dcmtk("getscu", "-S", "-aet", "GETSCU", "-aec", "HOUNSFIELD", "-od", got.toString(),
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + studyUid("PAT2", 2),
                    "127.0.0.1", port);
            assertThat(StoreIT.list(got)).hasSize(2);
        }
    }

    @Test
    void ourFindCanBeCancelled() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir)) {
            for (int patient = 1; patient <= 5; patient++) {
                TestImages.write(scp.received, "C" + patient, 1, 1, 8, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
            String model = Uids.PatientRootQueryRetrieveInformationModelFind;
            try (Association association = ScpFixture.client(new ServiceRegistry()).connect("127.0.0.1", scp.port(),
                    "HOUNSFIELD", new PresentationContexts().add(model, Uids.ExplicitVRLittleEndian))) {
                Scu scu = new Scu(association);
                List<String> seen = new ArrayList<>();
                int status = scu.find(model, patientKeys(), match -> seen.add(match.getString(Tags.PatientID)) && false);
                assertThat(status).isIn(Status.CANCEL, Status.SUCCESS);
                assertThat(seen).hasSizeLessThan(5);
                List<String> all = new ArrayList<>();
                assertThat(scu.find(model, patientKeys(), match -> all.add(match.getString(Tags.PatientID))))
                        .isEqualTo(Status.SUCCESS);
                assertThat(all).hasSize(5);
            }
        }
    }

    private static Attributes patientKeys() {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "PATIENT");
        keys.setString(Tags.PatientID, VR.LO, "");
        keys.setString(Tags.PatientName, VR.PN, "");
        return keys;
    }

    @Test
    void ourScuQueriesAndRetrievesFromDcmqrscp() throws Exception {
        Path database = Files.createDirectories(dir.resolve("qrdb"));
        Path source = Files.createDirectories(dir.resolve("source"));
        List<Path> files = TestImages.write(source, "QR1", 7, 4, 32, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        try (ScpFixture scp = new ScpFixture(dir)) {
            int port = Peers.freePort();
            Path config = dir.resolve("dcmqrscp.cfg");
            Files.writeString(config, String.join("\n",
                    "NetworkTCPPort = " + port, "MaxPDUSize = 16384", "MaxAssociations = 16", "HostTable BEGIN",
                    "hounsfield = (HOUNSFIELD, 127.0.0.1, " + scp.port() + ")", "HostTable END",
                    "VendorTable BEGIN", "VendorTable END", "AETable BEGIN",
                    "QRSCP " + database + " RW (100, 1024mb) ANY", "AETable END", ""));
            Process dcmqrscp = Peers.startServer(dir, port, "dcmqrscp", "-dhl", "-c", config.toString(),
                    String.valueOf(port));
            try {
                List<String> store = Peers.command("storescu", "-aet", "STORESCU", "-aec", "QRSCP", "127.0.0.1",
                        String.valueOf(port));
                files.forEach(file -> store.add(file.toString()));
                dcmtk(store.toArray(String[]::new));
                queryAndRetrieve(port, scp);
            } finally {
                Peers.stop(dcmqrscp);
            }
        }
    }

    private void queryAndRetrieve(int port, ScpFixture scp) throws Exception {
        String find = Uids.StudyRootQueryRetrieveInformationModelFind;
        String move = Uids.StudyRootQueryRetrieveInformationModelMove;
        String get = Uids.StudyRootQueryRetrieveInformationModelGet;
        Path got = Files.createDirectories(dir.resolve("got"));
        List<String> received = new ArrayList<>();
        StoreService receiver = (request, dataset) -> {
            Files.write(got.resolve(request.sopInstanceUid()), dataset.readAllBytes());
            received.add(request.sopInstanceUid());
            return Status.SUCCESS;
        };
        PresentationContexts contexts = new PresentationContexts()
                .add(find, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian)
                .add(move, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian)
                .add(get, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian)
                .add(Uids.CTImageStorage, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian)
                .scpRole(Uids.CTImageStorage);
        ServiceRegistry registry = new ServiceRegistry().store(receiver, List.of(Uids.CTImageStorage),
                ServiceRegistry.UNCOMPRESSED);
        try (Association association = ScpFixture.client(registry).connect("127.0.0.1", port, "QRSCP", contexts)) {
            Scu scu = new Scu(association);
            Attributes keys = new Attributes();
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tags.StudyInstanceUID, VR.UI, "");
            keys.setString(Tags.PatientID, VR.LO, "QR1");
            List<String> studies = new ArrayList<>();
            assertThat(scu.find(find, keys, match -> studies.add(match.getString(Tags.StudyInstanceUID))))
                    .isEqualTo(Status.SUCCESS);
            assertThat(studies).containsExactly(studyUid("QR1", 7));

            Attributes retrieveKeys = new Attributes();
            retrieveKeys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
            retrieveKeys.setString(Tags.StudyInstanceUID, VR.UI, studyUid("QR1", 7));
            Scu.RetrieveResult moved = scu.move(move, "HOUNSFIELD", retrieveKeys);
            assertThat(moved.status()).isEqualTo(Status.SUCCESS);
            assertThat(moved.completed()).isEqualTo(4);
            assertThat(StoreIT.list(scp.received)).hasSize(4);

            Scu.RetrieveResult gotten = scu.get(get, retrieveKeys);
            assertThat(gotten.status()).isEqualTo(Status.SUCCESS);
            assertThat(gotten.completed()).isEqualTo(4);
            assertThat(received).hasSize(4);
        }
    }
}
