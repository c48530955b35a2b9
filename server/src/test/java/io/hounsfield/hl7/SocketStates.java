package io.hounsfield.hl7;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** What {@code ss} (iproute2) reports about TCP sockets on a local port. */
final class SocketStates {

    private SocketStates() {}

    /**
     * Server-side sockets of a local port left in CLOSE-WAIT (the peer closed, the server never did); waits up to
     * {@code settle} for them to go, and returns those still there.
     */
    static List<String> closeWait(int localPort, Duration settle) throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        List<String> left = list(localPort);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = list(localPort);
        }
        return left;
    }

    private static List<String> list(int localPort) throws Exception {
        Process ss = new ProcessBuilder("ss", "-Htan", "state", "close-wait", "( sport = :" + localPort + " )")
                .redirectErrorStream(true).start();
        String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (ss.waitFor() != 0) {
            throw new IllegalStateException("ss failed: " + output);
        }
        return output.lines().filter(line -> !line.isBlank()).toList();
    }
}
