package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.CommandCodec;
import io.hounsfield.dicom.net.dimse.Commands;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.pdu.AAbort;
import io.hounsfield.dicom.net.pdu.AAssociateAc;
import io.hounsfield.dicom.net.pdu.AAssociateRq;
import io.hounsfield.dicom.net.pdu.PDataTf;
import io.hounsfield.dicom.net.pdu.Pdu;
import io.hounsfield.dicom.net.pdu.PduEncoder;
import io.hounsfield.dicom.net.pdu.PduReader;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;
import io.hounsfield.dicom.net.pdu.PresentationDataValue;
import io.hounsfield.dicom.net.pdu.UserInformation;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving peer ends its own association only (PS3.8 §9.2: A-ABORT, never a hung thread): the server keeps
 * serving an association opened before, accepts new ones, and stores nothing from the broken one.
 */
class RobustnessIT {
    @TempDir
    Path dir;
    private ScpFixture scp;
    private Association bystander;
    private Thread keepAlive;

    @BeforeEach
    void start() throws IOException {
        scp = new ScpFixture(dir, ScpFixture.OPTIONS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
        bystander = connect();
        keepAlive = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    new Scu(bystander).echo();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException e) {
                // stopped
            }
        });
        keepAlive.start();
    }

    @AfterEach
    void stop() throws Exception {
        keepAlive.interrupt();
        keepAlive.join();
        assertThat(new Scu(bystander).echo()).isEqualTo(Status.SUCCESS);
        bystander.release();
        try (Association fresh = connect()) {
            assertThat(new Scu(fresh).echo()).isEqualTo(Status.SUCCESS);
        }
        Peers.await(() -> scp.server.activeAssociations() == 0);
        try (var files = java.nio.file.Files.list(scp.received)) {
            assertThat(files.toList()).isEmpty();
        }
        scp.close();
    }

    private Association connect() throws IOException {
        return ScpFixture.client(new ServiceRegistry()).connect("127.0.0.1", scp.port(), "HOUNSFIELD",
                new PresentationContexts().add(Uids.Verification, Uids.ImplicitVRLittleEndian));
    }

    private Socket raw() throws IOException {
        Socket socket = new Socket("127.0.0.1", scp.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the server closes; returns the PDU types seen before. */
    private static String untilClosed(Socket socket) throws IOException {
        StringBuilder types = new StringBuilder();
        InputStream in = socket.getInputStream();
        byte[] header = new byte[6];
        try {
            while (in.readNBytes(header, 0, 6) == 6) {
                types.append(header[0]);
                long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                        | (header[5] & 0xFF);
                in.skipNBytes(length);
            }
        } catch (java.net.SocketException | java.io.EOFException e) {
            // reset by the server: closed too
        }
        return types.toString();
    }

    private Socket associated() throws IOException {
        Socket socket = raw();
        AAssociateRq rq = new AAssociateRq(1, "HOUNSFIELD", "CT1", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, Uids.CTImageStorage, List.of(Uids.ExplicitVRLittleEndian))),
                UserInformation.of(16384, "1.2.3", "RAW"));
        socket.getOutputStream().write(PduEncoder.encode(rq));
        Pdu answer = new PduReader(socket.getInputStream(), 1 << 20, 1 << 20).read();
        assertThat(answer).isInstanceOf(AAssociateAc.class);
        return socket;
    }

    @Test
    void garbageBytes() throws IOException {
        try (Socket socket = raw()) {
            byte[] garbage = new byte[4096];
            new Random(42).nextBytes(garbage);
            garbage[0] = 0x55;
            socket.getOutputStream().write(garbage);
            assertThat(untilClosed(socket)).isIn("", "7");
        }
    }

    @Test
    void pduLengthPastTheMaximum() throws IOException {
        try (Socket socket = associated()) {
            socket.getOutputStream().write(new byte[] {4, 0, 0x40, 0, 0, 0, 0, 0, 0, 0});
            assertThat(untilClosed(socket)).isEqualTo("7");
        }
        try (Socket socket = raw()) {
            socket.getOutputStream().write(new byte[] {1, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            assertThat(untilClosed(socket)).isEqualTo("7");
        }
    }

    @Test
    void pDataBeforeTheAssociation() throws IOException {
        try (Socket socket = raw()) {
            socket.getOutputStream().write(PduEncoder.encode(new PDataTf(List.of(new PresentationDataValue(1, 3,
                    CommandCodec.encode(Commands.cEchoRq(1, Uids.Verification)))))));
            assertThat(untilClosed(socket)).isEqualTo("7");
        }
    }

    @Test
    void halfOpenConnections() throws IOException {
        long start = System.nanoTime();
        try (Socket silent = raw(); Socket stalled = associated()) {
            stalled.getOutputStream().write(new byte[] {4, 0, 0, 0});
            assertThat(untilClosed(silent)).isEmpty();
            untilClosed(stalled);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void abortInTheMiddleOfAStore() throws Exception {
        try (Socket socket = associated()) {
            byte[] command = CommandCodec.encode(Commands.cStoreRq(1, Uids.CTImageStorage, "1.2.3.4.5", null, 0));
            byte[] partial = new byte[8000];
            System.arraycopy(new byte[] {8, 0, 0x16, 0, 'U', 'I', 26, 0}, 0, partial, 0, 8);
            socket.getOutputStream().write(PduEncoder.encode(new PDataTf(List.of(
                    new PresentationDataValue(1, 3, command), new PresentationDataValue(1, 0, partial)))));
            socket.getOutputStream().flush();
            Thread.sleep(200);
            socket.getOutputStream().write(PduEncoder.encode(new AAbort(0, 0)));
        }
        Peers.await(() -> scp.server.activeAssociations() == 1);
        Peers.await(() -> scp.archive.storeFailures.get() == 1);
    }
}
