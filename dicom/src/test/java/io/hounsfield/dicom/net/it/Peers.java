package io.hounsfield.dicom.net.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dcmtk peers for the network ITs: always TCP_NODELAY=1, free ports, stopped by PID. */
final class Peers {
    private Peers() {
    }

    /** The result of a dcmtk client run. */
    record Run(int exitCode, String output) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ProcessBuilder builder(Path workDir, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TCP_NODELAY", "1");
        builder.directory(workDir.toFile());
        builder.redirectErrorStream(true);
        return builder;
    }

    /** Runs a dcmtk client to completion (at most 120 s), output captured. */
    static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "run", ".log");
        Process process = builder(workDir, command).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** Starts a dcmtk server and waits until its port accepts connections. */
    static Process startServer(Path workDir, int port, String... command) throws IOException, InterruptedException {
        Path log = workDir.resolve("server-" + port + ".log");
        Process process = builder(workDir, command).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("server exited: " + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IOException("server did not listen on " + port);
    }

    static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits up to 10 s for {@code condition}, failing if it never holds. */
    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    static List<String> command(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
