package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.tool.StoreScu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-STORE both ways with dcmtk: several transfer syntaxes, compressed images kept as they are. */
class StoreIT {
    static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final List<String> COMPRESSED = List.of("SC_rgb_jpeg_dcmtk.dcm", "JPEG2000.dcm");

    @TempDir
    Path dir;

    private List<Path> mixedFiles() throws IOException {
        Path source = Files.createDirectories(dir.resolve("source"));
        List<Path> files = new ArrayList<>();
        files.addAll(TestImages.write(source, "IMPL", 1, 3, 64, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        files.addAll(TestImages.write(source, "EXPL", 2, 3, 64, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        files.addAll(TestImages.write(source, "BIGE", 3, 2, 64, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN));
        for (String name : COMPRESSED) {
            files.add(Files.copy(PYDICOM.resolve(name), source.resolve(name)));
        }
        return files;
    }

    /** Each sent file arrived with the same elements and pixel data; compressed ones in their own syntax. */
    static void assertReceived(List<Path> sent, List<Path> received) throws IOException {
        assertThat(received).hasSize(sent.size());
        for (Path file : sent) {
            DicomFile original = Part10.read(file);
            String uid = original.dataset().getString(Tags.SOPInstanceUID);
            Path copy = received.stream().filter(path -> {
                try {
                    return uid.equals(Part10.read(path).dataset().getString(Tags.SOPInstanceUID));
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new AssertionError("not received: " + file));
            DicomFile stored = Part10.read(copy);
            assertThat(stored.dataset().getString(Tags.PatientID)).isEqualTo(original.dataset().getString(Tags.PatientID));
            if (original.transferSyntax().encapsulated()) {
                assertThat(stored.transferSyntax().uid()).isEqualTo(original.transferSyntax().uid());
                var originalFragments = original.dataset().getFragments(Tags.PixelData).items();
                var storedFragments = stored.dataset().getFragments(Tags.PixelData).items();
                assertThat(storedFragments).hasSameSizeAs(originalFragments);
                for (int i = 0; i < originalFragments.size(); i++) {
                    assertThat(storedFragments.get(i)).isEqualTo(originalFragments.get(i));
                }
            } else {
                assertThat(stored.dataset().bytes(Tags.PixelData)).isEqualTo(original.dataset().bytes(Tags.PixelData));
            }
        }
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(path -> !path.toString().endsWith(".part")).toList();
        }
    }

    @Test
    void storescuSendsSeveralSyntaxesToOurScp() throws Exception {
        List<Path> files = mixedFiles();
        try (ScpFixture scp = new ScpFixture(dir)) {
            List<String> uncompressed = Peers.command("storescu", "-R", "-aet", "STORESCU", "-aec", "HOUNSFIELD",
                    "127.0.0.1", String.valueOf(scp.port()));
            files.stream().filter(file -> !COMPRESSED.contains(file.getFileName().toString()))
                    .forEach(file -> uncompressed.add(file.toString()));
            storescu(uncompressed);
            storescu(Peers.command("storescu", "-R", "-xy", "-aet", "STORESCU", "-aec", "HOUNSFIELD", "127.0.0.1",
                    String.valueOf(scp.port()), dir.resolve("source/SC_rgb_jpeg_dcmtk.dcm").toString()));
            storescu(Peers.command("storescu", "-R", "-xw", "-aet", "STORESCU", "-aec", "HOUNSFIELD", "127.0.0.1",
                    String.valueOf(scp.port()), dir.resolve("source/JPEG2000.dcm").toString()));
            assertReceived(files, list(scp.received));
            for (Path file : list(scp.received)) {
                Peers.Run dump = Peers.run(dir, "dcmdump", "-q", file.toString());
                assertThat(dump.exitCode()).as(dump.output()).isZero();
            }
        }
    }

    private void storescu(List<String> command) throws Exception {
        Peers.Run run = Peers.run(dir, command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("W: ", "E: ");
    }

    @Test
    void ourScuSendsToStorescp() throws Exception {
        List<Path> files = mixedFiles();
        Path output = Files.createDirectories(dir.resolve("storescp"));
        int port = Peers.freePort();
        Process storescp = Peers.startServer(dir, port, "storescp", "-aet", "STORESCP", "+xa", "--output-directory",
                output.toString(), String.valueOf(port));
        try {
            StoreScu.Result result = StoreScu.send(ScpFixture.client(new ServiceRegistry()), "127.0.0.1", port,
                    "STORESCP", files, 1);
            assertThat(result.stored()).isEqualTo(files.size());
            assertThat(result.failed()).isZero();
        } finally {
            Peers.stop(storescp);
        }
        assertReceived(files, list(output));
    }

    /** A peer that sends the next C-STORE before the response (asynchronous operations) must not hang us. */
    @Test
    void pipelinedStoresDoNotDeadlock() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir); java.net.Socket socket = new java.net.Socket("127.0.0.1", scp.port())) {
            scp.archive.storeDelayMillis = 300;
            socket.setSoTimeout(20_000);
            var out = new java.io.BufferedOutputStream(socket.getOutputStream());
            var rq = new io.hounsfield.dicom.net.pdu.AAssociateRq(1, "HOUNSFIELD", "CT1",
                    io.hounsfield.dicom.net.pdu.AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(
                            new io.hounsfield.dicom.net.pdu.PresentationContextRq(1, Uids.CTImageStorage,
                                    List.of(Uids.ExplicitVRLittleEndian))),
                    io.hounsfield.dicom.net.pdu.UserInformation.of(16384, "1.2.3", "RAW"));
            out.write(io.hounsfield.dicom.net.pdu.PduEncoder.encode(rq));
            out.flush();
            var reader = new io.hounsfield.dicom.net.pdu.PduReader(socket.getInputStream(), 1 << 20, 1 << 20);
            assertThat(reader.read()).isInstanceOf(io.hounsfield.dicom.net.pdu.AAssociateAc.class);
            for (int message = 1; message <= 2; message++) {
                Attributes dataset = TestImages.ct("PIPE", "PIPE^LINE", 1, 1, message, 512);
                var encoded = new java.io.ByteArrayOutputStream();
                new io.hounsfield.dicom.io.DicomWriter(encoded, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        io.hounsfield.dicom.io.WriteOptions.DEFAULT).writeDataset(dataset);
                try (var pdata = new io.hounsfield.dicom.net.dimse.PDataOutputStream((id, header, data, offset, length) ->
                        out.write(io.hounsfield.dicom.net.pdu.PduEncoder.encode(new io.hounsfield.dicom.net.pdu.PDataTf(
                                List.of(new io.hounsfield.dicom.net.pdu.PresentationDataValue(id, header,
                                        java.util.Arrays.copyOfRange(data, offset, offset + length)))))), 1, true, 4096)) {
                    pdata.write(io.hounsfield.dicom.net.dimse.CommandCodec.encode(io.hounsfield.dicom.net.dimse.Commands
                            .cStoreRq(message, Uids.CTImageStorage, dataset.getString(Tags.SOPInstanceUID), null, 0)));
                }
                try (var pdata = new io.hounsfield.dicom.net.dimse.PDataOutputStream((id, header, data, offset, length) ->
                        out.write(io.hounsfield.dicom.net.pdu.PduEncoder.encode(new io.hounsfield.dicom.net.pdu.PDataTf(
                                List.of(new io.hounsfield.dicom.net.pdu.PresentationDataValue(id, header,
                                        java.util.Arrays.copyOfRange(data, offset, offset + length)))))), 1, false, 4096)) {
                    pdata.write(encoded.toByteArray());
                }
            }
            out.flush();
            for (int response = 0; response < 2; response++) {
                assertThat(reader.read()).isInstanceOf(io.hounsfield.dicom.net.pdu.PDataTf.class);
            }
            assertThat(list(scp.received)).hasSize(2);
        }
    }

    @Test
    void deflatedFileIsSentInflated() throws Exception {
        List<Path> files = TestImages.write(Files.createDirectories(dir.resolve("deflated")), "DEFL", 1, 2, 32,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        try (ScpFixture scp = new ScpFixture(dir)) {
            StoreScu.Result result = StoreScu.send(ScpFixture.client(new ServiceRegistry()), "127.0.0.1", scp.port(),
                    "HOUNSFIELD", files, 1);
            assertThat(result.stored()).isEqualTo(2);
            assertReceived(files, list(scp.received));
        }
    }

    @Test
    void ourScuToOurScpOverSeveralAssociations() throws Exception {
        List<Path> files = TestImages.write(Files.createDirectories(dir.resolve("many")), "MANY", 1, 12, 128,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        try (ScpFixture scp = new ScpFixture(dir)) {
            StoreScu.Result result = StoreScu.send(ScpFixture.client(new ServiceRegistry()), "127.0.0.1", scp.port(),
                    "HOUNSFIELD", files, 3);
            assertThat(result.stored()).isEqualTo(12);
            assertReceived(files, list(scp.received));
        }
    }

}
