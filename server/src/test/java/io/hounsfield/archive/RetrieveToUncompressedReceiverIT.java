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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A receiver that accepts only uncompressed syntaxes (dcmtk storescp and getscu by default) gets the deflated and
 * uncompressed instances, converted, and the RLE ones decompressed by the toolkit, their pixels those of the
 * uncompressed originals; a JPEG 2000 instance (not decoded here) is a failed sub-operation, never a C-STORE without
 * a data set.
 */
@HounsfieldIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrieveToUncompressedReceiverIT {
    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @TempDir
    static Path work;

    private TestStudies.Study study;
    private final List<String> rleUids = new ArrayList<>();
    private final java.util.Map<String, byte[]> originalPixels = new java.util.HashMap<>();
    private String jpeg2000Uid;
    private final List<String> sendableUids = new ArrayList<>();
    private Process destination;
    private Path received;

    @BeforeAll
    void storeRleDeflatedAndPlainInstances() throws Exception {
        study = TestStudies.Study.of("UNC-" + System.nanoTime(), "PLAIN^ONLY", "UNC1", "20250302");
        Path plain = work.resolve("plain");
        List<Path> files = TestStudies.write(plain, study, 1, 4, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path rle = Files.createDirectories(work.resolve("rle"));
        Path deflated = Files.createDirectories(work.resolve("deflated"));
        for (int i = 0; i < files.size(); i++) {
            Path source = files.get(i);
            String uid = Part10.read(source).dataset().getString(Tags.SOPInstanceUID);
            if (i < 2) {
                convert("dcmcrle", source, rle.resolve(source.getFileName()));
                rleUids.add(uid);
                sendableUids.add(uid);
                originalPixels.put(uid, Part10.read(source).dataset().bytes(Tags.PixelData));
            } else if (i == 2) {
                convert("dcmconv", source, deflated.resolve(source.getFileName()), "+td");
                sendableUids.add(uid);
            } else {
                store(source, "-xe");
                sendableUids.add(uid);
            }
        }
        store(rle, "-xr");
        store(deflated, "-xd");
        Path jpeg2000 = Files.copy(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG2000.dcm"),
                work.resolve("jpeg2000.dcm"));
        // New series and instance UIDs: other tests store the same file, and a series belongs to one study.
        Dcmtk.Run modify = Dcmtk.run(work, "dcmodify", "-nb", "-gse", "-gin",
                "-m", "StudyInstanceUID=" + study.studyUid(),
                "-m", "PatientID=" + study.patientId(), "-m", "PatientName=" + study.patientName(),
                jpeg2000.toString());
        assertThat(modify.exitCode()).as(modify.output()).isZero();
        jpeg2000Uid = Part10.read(jpeg2000).dataset().getString(Tags.SOPInstanceUID);
        store(jpeg2000, "-xw");
        int port = Dcmtk.freePort();
        received = Files.createDirectories(work.resolve("moved"));
        destination = Dcmtk.startServer(work, port, "storescp", "-aet", "PLAINDEST", "-od", received.toString(),
                String.valueOf(port));
        peers.save(new DicomPeer("PLAINDEST", "storescp accepting only uncompressed syntaxes", "127.0.0.1", port,
                null, null, Set.of(PeerPermission.MOVE_DESTINATION), true));
    }

    @AfterAll
    void stopTheMoveDestination() throws Exception {
        Dcmtk.stop(destination);
    }

    @Test
    void aMoveSendsWhatCanBeConvertedAndCountsTheRestAsFailed() throws Exception {
        Scu.RetrieveResult result;
        try (Association association = connect()) {
            result = new Scu(association).move(Uids.StudyRootQueryRetrieveInformationModelMove, "PLAINDEST",
                    studyKeys());
            association.release();
        }

        assertThat(result.status()).as("Warning: sub-operations complete, one or more failures").isEqualTo(0xB000);
        assertThat(result.completed()).isEqualTo(4);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.failedSopInstanceUids()).containsExactly(jpeg2000Uid);
        assertThat(receivedUids(received)).containsExactlyInAnyOrderElementsOf(sendableUids);
    }

    @Test
    void getscuOfferingOnlyUncompressedSyntaxesGetsTheConvertibleInstancesAndKeepsTheAssociation() throws Exception {
        Path got = Files.createDirectories(work.resolve("got"));
        Dcmtk.Run get = Dcmtk.run(work, "getscu", "-v", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-S", "-od",
                got.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                "127.0.0.1", String.valueOf(listener.port()));

        assertThat(get.output()).doesNotContainIgnoringCase("abort");
        assertThat(get.output()).contains("Releasing Association").contains("Number of Completed Suboperations : 4")
                .contains("Number of Failed Suboperations    : 1");
        assertThat(receivedUids(got)).containsExactlyInAnyOrderElementsOf(sendableUids);
    }

    private List<String> receivedUids(Path directory) throws Exception {
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                assertThat(Files.size(file)).as("an empty file from a C-STORE without data set: " + file)
                        .isGreaterThan(1000);
                Attributes dataset = Part10.read(file).dataset();
                assertThat(dataset.getString(Tags.PatientName)).isEqualTo("PLAIN^ONLY");
                String uid = dataset.getString(Tags.SOPInstanceUID);
                uids.add(uid);
                if (originalPixels.containsKey(uid)) {
                    assertThat(Part10.read(file).transferSyntax().encapsulated()).isFalse();
                    assertThat(dataset.bytes(Tags.PixelData)).as("decompressed RLE " + uid)
                            .isEqualTo(originalPixels.get(uid));
                }
            }
        }
        return uids;
    }

    private Attributes studyKeys() {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        return keys;
    }

    private Association connect() throws Exception {
        PresentationContexts contexts = new PresentationContexts()
                .add(Uids.StudyRootQueryRetrieveInformationModelMove, Uids.ExplicitVRLittleEndian);
        return new DicomClient(ApplicationEntity.of("VIEWER", new ServiceRegistry()))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }

    private void store(Path fileOrFolder, String proposal) throws Exception {
        Dcmtk.Run store = Dcmtk.run(work, "storescu", proposal, "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd",
                "127.0.0.1", String.valueOf(listener.port()), fileOrFolder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        assertThat(store.output()).as(store.output()).doesNotContain("W: ", "E: ");
    }

    private static void convert(String tool, Path source, Path target, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(options));
        command.add(source.toString());
        command.add(target.toString());
        Dcmtk.Run run = Dcmtk.run(source.getParent(), command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
    }
}
