package io.hounsfield.scp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * More idle connections than the association limit (50) and the pending limit (64), some stalled halfway through an
 * A-ASSOCIATE-RQ: while they are held open, a known modality's echoscu is answered within 2 s and an unknown AE gets
 * its A-ASSOCIATE-RJ within 2 s.
 */
@HounsfieldIntegrationTest
class ConnectionFloodIT {

    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    private final List<Socket> flood = new ArrayList<>();

    @AfterEach
    void closeFlood() throws IOException {
        for (Socket socket : flood) {
            socket.close();
        }
    }

    @Test
    void aKnownModalityAndAStrangerAreAnsweredWithinTwoSecondsDuringAFlood() throws Exception {
        for (int i = 0; i < 70; i++) {
            flood.add(new Socket("127.0.0.1", listener.port()));
        }
        for (int i = 0; i < 10; i++) {
            Socket socket = new Socket("127.0.0.1", listener.port());
            socket.getOutputStream().write(new byte[] {1, 0, 0, 0, 0, (byte) 200, 0, 1, 0, 0, 'H', 'O', 'U'});
            socket.getOutputStream().flush();
            flood.add(socket);
        }
        Thread.sleep(300);

        long start = System.nanoTime();
        Dcmtk.Run echo = echoscu("CT1");
        assertThat(echo.exitCode()).as(echo.output()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        start = System.nanoTime();
        Dcmtk.Run stranger = echoscu("STRANGER");
        assertThat(stranger.exitCode()).isNotZero();
        assertThat(stranger.output()).containsIgnoringCase("Calling AE Title Not Recognized");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /** dcmtk gives up unless connect, association answer and each DIMSE answer come within 2 s each. */
    private Dcmtk.Run echoscu(String calling) throws Exception {
        return Dcmtk.run(work, "echoscu", "-to", "2", "-ta", "2", "-td", "2", "-aet", calling, "-aec", "HOUNSFIELD",
                "127.0.0.1", String.valueOf(listener.port()));
    }
}
