package io.hounsfield.archive;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** dcmtk peers for the archive ITs: TCP_NODELAY=1 always, free ports, servers stopped by PID. */
public final class Dcmtk {
    private Dcmtk() {
    }

    public record Run(int exitCode, String output) {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ProcessBuilder builder(Path workDir, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TCP_NODELAY", "1");
        builder.directory(workDir.toFile());
        builder.redirectErrorStream(true);
        return builder;
    }

    /** Runs a dcmtk client to completion (at most 120 s), output captured. */
    public static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "run", ".log");
        Process process = builder(workDir, command).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /** Starts a dcmtk server and waits until its port accepts connections; stop it with {@link #stop}. */
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
        stop(process);
        throw new IOException("server did not listen on " + port);
    }

    /** dcmdump of a file's data set, without File Meta Information, padding, delimiters and lengths (storescu
     * may re-encode those). */
    static String dumpDataset(Path file) throws IOException, InterruptedException {
        Run dump = run(file.getParent(), "dcmdump", "+L", file.toString());
        if (dump.exitCode() != 0) {
            throw new IOException(dump.output());
        }
        return dump.output().lines().map(line -> line.replaceAll("\\s+#.*$", "").strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("(0002,") && !line.startsWith("#"))
                .filter(line -> !line.startsWith("(fffc,fffc)") && !line.startsWith("(fffe,e0dd)")
                        && !line.startsWith("(fffe,e00d)"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
