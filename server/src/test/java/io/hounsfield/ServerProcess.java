package io.hounsfield;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code hounsfield.jar} run as users run it: a separate JVM, real ports, real files. */
public final class ServerProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "hounsfield.jar");

    private final Process process;
    private final Path log;
    private final int httpPort;

    private ServerProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the jar with the given arguments on a free HTTP port, logging to a file. */
    public static ServerProcess start(Path dataDir, String... arguments) throws IOException {
        return startOnPort(freePort(), dataDir, arguments);
    }

    public static ServerProcess startOnPort(int httpPort, Path dataDir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("--server.port=" + httpPort, "--hounsfield.data-dir=" + dataDir,
                "--hounsfield.hl7.port=0", "--hounsfield.dicom.port=0"));
        command.addAll(List.of(arguments));
        return launch(httpPort, Map.of(), command);
    }

    /** What a command run of the jar printed, and its exit code. */
    public record CommandResult(int exitCode, String output) {
    }

    /** Runs {@code java -jar hounsfield.jar WORDS... --hounsfield.data-dir=DIR} to its end. */
    public static CommandResult command(Path dataDir, String... words) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(words));
        arguments.add("--hounsfield.data-dir=" + dataDir);
        try (ServerProcess run = launch(0, Map.of(), arguments)) {
            int exitCode = run.awaitExit(Duration.ofMinutes(2));
            return new CommandResult(exitCode, run.output());
        }
    }

    /** Starts the jar configured by environment variables alone; they must set {@code SERVER_PORT}. */
    public static ServerProcess startWithEnvironment(Map<String, String> environment) throws IOException {
        return launch(Integer.parseInt(environment.get("SERVER_PORT")), environment, List.of());
    }

    private static ServerProcess launch(int httpPort, Map<String, String> environment, List<String> arguments)
            throws IOException {
        // These servers live for seconds to a minute and are started about twenty times a run: the quick
        // compiler alone starts them some 15% sooner, and no test here measures their throughput.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString()));
        command.addAll(arguments);
        Files.createDirectories(Path.of("target", "server-logs"));
        Path log = Files.createTempFile(Path.of("target", "server-logs"), "hounsfield-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), log, httpPort);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Waits until {@code /actuator/health} says UP; returns how long that took. */
    public Duration awaitHealthy(Duration timeout) throws Exception {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within " + timeout + ":\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server still running after " + timeout);
        }
        return process.exitValue();
    }

    /** Kills the JVM without any shutdown (SIGKILL), as a crash or an impatient operator would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server as a service manager would (SIGTERM) and waits for the graceful shutdown. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
