package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** C-MOVE to a storescp started here and C-GET with getscu deliver every instance byte for byte. */
@HounsfieldIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrieveIT {
    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    DataDirectory data;

    @Autowired
    ArchiveIndex index;

    @TempDir
    static Path work;

    private TestStudies.Study study;
    private Process destination;
    private Path received;

    @BeforeAll
    void storeAStudyAndStartAMoveDestination() throws Exception {
        study = TestStudies.Study.of("RET-" + System.nanoTime(), "RETRIEVE^ME", "RACC1", "20250301");
        Path folder = work.resolve("study");
        TestStudies.write(folder, study, 2, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        int port = Dcmtk.freePort();
        received = Files.createDirectories(work.resolve("moved"));
        destination = Dcmtk.startServer(work, port, "storescp", "-aet", "MOVEDEST", "+xa", "-od",
                received.toString(), String.valueOf(port));
        peers.save(new DicomPeer("MOVEDEST", "storescp of RetrieveIT", "127.0.0.1", port, null, null,
                Set.of(PeerPermission.MOVE_DESTINATION), true));
    }

    @AfterAll
    void stopTheMoveDestination() throws Exception {
        Dcmtk.stop(destination);
    }

    @Test
    void movescuDeliversEveryInstanceOfTheStudyByteForByte() throws Exception {
        Dcmtk.Run move = Dcmtk.run(work, "movescu", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-aem", "MOVEDEST",
                "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(), "127.0.0.1",
                String.valueOf(listener.port()));

        assertThat(move.exitCode()).as(move.output()).isZero();
        assertDeliveredByteForByte(received, 6);
    }

    @Test
    void theSubOperationCountsAreRight() throws Exception {
        List<StoredInstance> stored = index.instancesOfStudy(study.studyUid());
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "SERIES");
        keys.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        keys.setString(Tags.SeriesInstanceUID, VR.UI, stored.get(0).seriesInstanceUid());

        assertThat(move("VIEWER", "MOVEDEST", keys)).isEqualTo(new Scu.RetrieveResult(0, 3, 0, 0));
    }

    @Test
    void anUnknownMoveDestinationIsRefused() throws Exception {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        assertThat(move("VIEWER", "NOWHERE", keys).status()).isEqualTo(0xA801);
    }

    @Test
    void getscuReceivesEveryInstanceByteForByte() throws Exception {
        Path got = Files.createDirectories(work.resolve("got"));
        Dcmtk.Run get = Dcmtk.run(work, "getscu", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-S", "-od",
                got.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                "127.0.0.1", String.valueOf(listener.port()));

        assertThat(get.exitCode()).as(get.output()).isZero();
        assertDeliveredByteForByte(got, 6);
    }

    @Test
    void aPeerWithoutRetrievePermissionGetsNothing() throws Exception {
        Path got = Files.createDirectories(work.resolve("refused"));
        Dcmtk.Run get = Dcmtk.run(work, "getscu", "-aet", "CT1", "-aec", "HOUNSFIELD", "-S", "-od",
                got.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                "127.0.0.1", String.valueOf(listener.port()));

        try (Stream<Path> files = Files.list(got)) {
            assertThat(files).isEmpty();
        }
        assertThat(get.output()).doesNotContain("Success");

        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        assertThat(move("CT1", "MOVEDEST", keys).status()).as("Not Authorized").isEqualTo(0x0124);
    }

    @Test
    void anIdentifierWithoutTheUniqueKeyOfItsLevelIsRefused() throws Exception {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "SERIES");
        keys.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        assertThat(move("VIEWER", "MOVEDEST", keys).status()).as("Identifier does not match SOP Class")
                .isEqualTo(0xA900);
    }

    private Scu.RetrieveResult move(String callingAeTitle, String destination, Attributes keys) throws Exception {
        try (Association association = connect(callingAeTitle, Uids.StudyRootQueryRetrieveInformationModelMove)) {
            Scu.RetrieveResult result = new Scu(association).move(Uids.StudyRootQueryRetrieveInformationModelMove,
                    destination, keys);
            association.release();
            return result;
        }
    }

    private void assertDeliveredByteForByte(Path directory, int expected) throws Exception {
        Map<String, Path> delivered = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                delivered.put(Part10.read(file).dataset().getString(Tags.SOPInstanceUID), file);
            }
        }
        List<StoredInstance> stored = index.instancesOfStudy(study.studyUid());
        assertThat(stored).hasSize(expected);
        assertThat(delivered.keySet()).containsAll(stored.stream().map(StoredInstance::sopInstanceUid).toList());
        for (StoredInstance instance : stored) {
            assertThat(TestStudies.datasetBytes(delivered.get(instance.sopInstanceUid())))
                    .as(instance.sopInstanceUid())
                    .isEqualTo(TestStudies.datasetBytes(data.store().resolve(instance.filePath())));
        }
    }

    private Association connect(String callingAeTitle, String sopClassUid) throws Exception {
        PresentationContexts contexts = new PresentationContexts().add(sopClassUid, Uids.ExplicitVRLittleEndian);
        return new DicomClient(ApplicationEntity.of(callingAeTitle, new ServiceRegistry()))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }
}
