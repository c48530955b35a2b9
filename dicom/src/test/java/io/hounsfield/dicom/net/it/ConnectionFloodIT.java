package io.hounsfield.dicom.net.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.AssociationRejectedException;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.pdu.AAssociateRj;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle TCP connections and half-sent PDUs never take an association slot (PS3.8 §9.1.5 ARTIM): while 70 of them
 * are held open, a known modality's echoscu is answered within 2 s and an unknown AE gets a prompt A-ASSOCIATE-RJ.
 */
class ConnectionFloodIT {
    private static final int LIMIT = 50;

    @TempDir
    Path dir;
    private final List<Socket> flood = new ArrayList<>();

    @AfterEach
    void closeFlood() throws IOException {
        for (Socket socket : flood) {
            socket.close();
        }
    }

    private ScpFixture scp(int maxPending) throws IOException {
        return new ScpFixture(dir, ScpFixture.OPTIONS.withMaxAssociations(LIMIT).withMaxPendingAssociations(maxPending)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)));
    }

    private void holdFlood(int port, int idle, int halfPdus) throws IOException {
        for (int i = 0; i < idle; i++) {
            flood.add(new Socket("127.0.0.1", port));
        }
        for (int i = 0; i < halfPdus; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            // An A-ASSOCIATE-RQ header announcing 200 bytes, then 10 of them, then nothing.
            socket.getOutputStream().write(new byte[] {1, 0, 0, 0, 0, (byte) 200, 0, 1, 0, 0, 'H', 'O', 'U', 'N'});
            socket.getOutputStream().flush();
            flood.add(socket);
        }
    }

    @Test
    void knownModalityIsAnsweredWithinTwoSecondsWhileSeventyIdleSocketsAreOpen() throws Exception {
        try (ScpFixture scp = scp(100)) {
            holdFlood(scp.port(), 60, 10);
            Thread.sleep(300);
            assertEchoAnsweredPromptly(scp);
            assertUnknownAeRejectedPromptly(scp);
        }
    }

    @Test
    void whenPendingSocketsAreFullTheOldestIsDroppedAndTheModalityStillGetsThrough() throws Exception {
        try (ScpFixture scp = scp(16)) {
            holdFlood(scp.port(), 60, 10);
            Thread.sleep(300);
            assertEchoAnsweredPromptly(scp);
            assertUnknownAeRejectedPromptly(scp);
            assertThat(flood.get(0).getInputStream().read()).as("the oldest idle socket was closed").isEqualTo(-1);
        }
    }

    @Test
    void theLimitCountsAssociationsNotSocketsAndIsAnsweredLocalLimitExceeded() throws Exception {
        try (ScpFixture scp = new ScpFixture(dir, ScpFixture.OPTIONS.withMaxAssociations(2))) {
            holdFlood(scp.port(), 10, 0);
            var client = ScpFixture.client(new ServiceRegistry());
            List<Association> open = new ArrayList<>();
            open.add(client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()));
            open.add(client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()));
            assertThatThrownBy(() -> client.connect("127.0.0.1", scp.port(), "HOUNSFIELD", verification()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.rejection().result()).isEqualTo(AAssociateRj.RESULT_TRANSIENT);
                        assertThat(e.rejection().source())
                                .isEqualTo(AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION);
                        assertThat(e.rejection().reason()).isEqualTo(AAssociateRj.REASON_LOCAL_LIMIT_EXCEEDED);
                    });
            for (Association association : open) {
                assertThat(new Scu(association).echo()).isEqualTo(Status.SUCCESS);
                association.release();
            }
        }
    }

    /** dcmtk gives up unless connect, association answer and each DIMSE answer come within 2 s each. */
    private void assertEchoAnsweredPromptly(ScpFixture scp) throws Exception {
        long start = System.nanoTime();
        Peers.Run echo = Peers.run(dir, "echoscu", "-to", "2", "-ta", "2", "-td", "2", "-aet", "ECHOSCU", "-aec",
                "HOUNSFIELD", "127.0.0.1", String.valueOf(scp.port()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(echo.exitCode()).as(echo.output()).isZero();
        assertThat(took).as("echoscu done well within 10 s").isLessThan(Duration.ofSeconds(10));
    }

    private void assertUnknownAeRejectedPromptly(ScpFixture scp) throws Exception {
        long start = System.nanoTime();
        Peers.Run stranger = Peers.run(dir, "echoscu", "-to", "2", "-ta", "2", "-td", "2", "-aet", "STRANGER",
                "-aec", "HOUNSFIELD", "127.0.0.1", String.valueOf(scp.port()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.output()).containsIgnoringCase("Calling AE Title Not Recognized");
        assertThat(took).as("rejection done well within 10 s").isLessThan(Duration.ofSeconds(10));
    }

    private static PresentationContexts verification() {
        return new PresentationContexts().add(Uids.Verification, Uids.ImplicitVRLittleEndian);
    }
}
