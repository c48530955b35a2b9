package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The MLLP server on real sockets, with small limits: idle timeout, connection limit, order, raw bytes. */
class MllpServerTest {

    private final List<MllpServer.Frame> received = new CopyOnWriteArrayList<>();
    private final List<RawMllp> clients = new ArrayList<>();
    private MllpServer server;

    /** Answers each message with "ACK <its content>", after a pause for every other one. */
    private MllpServer start(Duration idleTimeout, int maxConnections, int maxMessageBytes) throws IOException {
        server = new MllpServer(InetAddress.getLoopbackAddress(), 0, idleTimeout, maxConnections, maxMessageBytes,
                (frame, from) -> {
                    received.add(frame);
                    if (received.size() % 2 == 1) {
                        sleep(20);
                    }
                    return ("ACK " + new String(frame.bytes(), StandardCharsets.ISO_8859_1))
                            .getBytes(StandardCharsets.ISO_8859_1);
                });
        server.start();
        return server;
    }

    @AfterEach
    void stop() throws IOException {
        for (RawMllp client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoHundredStalledConnectionsDoNotDelayAnotherAndAreClosedByTheServerAfterTheIdleTimeout() throws Exception {
        start(Duration.ofSeconds(2), 256, 1 << 20);
        List<RawMllp> stalled = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            RawMllp connection = open();
            if (i % 2 == 0) {
                connection.writeRaw("\u000bMSH|^~\\&|half a message".getBytes(StandardCharsets.US_ASCII));
            }
            stalled.add(connection);
        }

        String answer = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try (RawMllp legitimate = new RawMllp(server.port())) {
                return new String(legitimate.exchange("MSH|hello".getBytes(StandardCharsets.US_ASCII)),
                        StandardCharsets.US_ASCII);
            }
        });
        assertThat(answer).isEqualTo("ACK MSH|hello");

        for (RawMllp connection : stalled) {
            assertThat(connection.closedByServerWithin(Duration.ofSeconds(10))).as("closed by the server").isTrue();
        }
        assertThat(closeWaitOnServerPort()).as("server sockets the peer closed but the server did not").isEmpty();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnceAndASlotFreedIsUsedAgain() throws Exception {
        start(Duration.ofMinutes(5), 3, 1 << 20);
        List<RawMllp> held = List.of(open(), open(), open());
        awaitOpenConnections(3);

        RawMllp beyond = open();
        assertThat(beyond.closedByServerWithin(Duration.ofSeconds(2))).isTrue();

        held.get(0).close();
        awaitOpenConnections(2);
        try (RawMllp next = new RawMllp(server.port())) {
            assertThat(next.exchange("MSH|next".getBytes(StandardCharsets.US_ASCII))).isNotNull();
        }
        beyond.close();
        assertThat(closeWaitOnServerPort()).isEmpty();
    }

    @Test
    void messagesWrittenAtOnceAreHandledAndAnsweredInTheOrderSent() throws Exception {
        start(Duration.ofMinutes(1), 8, 1 << 20);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            all.write(RawMllp.frame(("MSH|" + i).getBytes(StandardCharsets.US_ASCII)));
        }
        RawMllp connection = open();
        connection.writeRaw(all.toByteArray());

        for (int i = 0; i < 30; i++) {
            assertThat(new String(connection.receive(), StandardCharsets.US_ASCII)).isEqualTo("ACK MSH|" + i);
        }
        assertThat(received).extracting(frame -> new String(frame.bytes(), StandardCharsets.US_ASCII))
                .containsExactly(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "MSH|" + i).toArray(String[]::new));
    }

    @Test
    void bytesAreHandedOnAsReceivedAndAnOverlongMessageIsMarkedAndTheConnectionGoesOn() throws Exception {
        start(Duration.ofMinutes(1), 8, 64);
        byte[] latin1 = "MSH|Lef\u00e8vre".getBytes(StandardCharsets.ISO_8859_1);
        RawMllp connection = open();

        connection.exchange(latin1);
        connection.exchange(("MSH|" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII));
        byte[] after = connection.exchange("MSH|after".getBytes(StandardCharsets.US_ASCII));

        assertThat(received.get(0).bytes()).isEqualTo(latin1);
        assertThat(received.get(0).truncated()).isFalse();
        assertThat(received.get(1).truncated()).isTrue();
        assertThat(received.get(1).bytes()).hasSize(64);
        assertThat(new String(after, StandardCharsets.US_ASCII)).isEqualTo("ACK MSH|after");
    }

    private RawMllp open() throws IOException {
        RawMllp connection = new RawMllp(server.port());
        clients.add(connection);
        return connection;
    }

    private void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.openConnections()).isEqualTo(expected);
    }

    /** Sockets on the server's port in CLOSE-WAIT, after the server had a moment to see the peers' close. */
    private List<String> closeWaitOnServerPort() throws Exception {
        return SocketStates.closeWait(server.port(), Duration.ofSeconds(5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
