package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hounsfield.HounsfieldIntegrationTest;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13 point 6 against the running server: 200 stalled connections must not keep a sending system's message
 * from being answered, and sockets the peers closed must not stay in CLOSE-WAIT.
 */
@HounsfieldIntegrationTest
class Hl7FloodIT {

    @Autowired
    MllpListener listener;

    @Autowired
    Clock clock;

    @Test
    void aMessageIsAnsweredWithinTwoSecondsWhile200ConnectionsStallAndNoneIsLeftInCloseWait() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket("127.0.0.1", listener.port());
                if (i % 2 == 0) {
                    socket.getOutputStream().write("\u000bMSH|^~\\&|STALL".getBytes(StandardCharsets.US_ASCII));
                }
                stalled.add(socket);
            }
            String today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
            String message = "MSH|^~\\&|ADT|HOSP|HOUNSFIELD|RAD|" + today + "0700||ADT^A08^ADT_A01|FLOOD"
                    + System.nanoTime() + "|P|2.5\rEVN|A08\rPID|1||FLOOD" + System.nanoTime()
                    + "^^^HOSP^MR||Flood^Test||19700101|M\r";

            byte[] answer = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                try (RawMllp legitimate = new RawMllp(listener.port())) {
                    return legitimate.exchange(message.getBytes(StandardCharsets.US_ASCII));
                }
            });
            assertThat(Hl7WireIT.parse(answer, StandardCharsets.UTF_8).get("/MSA-1")).isEqualTo("AA");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(SocketStates.closeWait(listener.port(), Duration.ofSeconds(10))).isEmpty();
    }
}
