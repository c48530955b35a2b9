package io.hounsfield;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Orthanc with its DICOMweb plugin as a peer for the ITs: its own storage under a work directory, its REST
 * API on a free loopback port without authentication, its DICOM listener off. {@code dicomWeb} is the JSON of the
 * plugin's settings beyond Enable and Root (e.g. its "Servers"). Stop it with {@link #close()}. Without keep-alive:
 * Orthanc closes an idle connection after a second, and a POST sent on it as it closes fails without an answer.
 */
public final class Orthanc implements AutoCloseable {
    public static final String BINARY = "/usr/sbin/Orthanc";
    public static final String DICOMWEB_PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Orthanc(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts Orthanc in {@code home} and waits (at most 60 s) until its REST API answers. */
    public static Orthanc start(Path home, String dicomWeb) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("storage"));
        int port = Dcmtk.freePort();
        String settings = dicomWeb.isBlank() ? "" : ", " + dicomWeb;
        Path config = Files.writeString(home.resolve("orthanc.json"), """
                {
                  "Name": "hounsfield-it", "StorageDirectory": "%1$s/storage", "IndexDirectory": "%1$s/storage",
                  "StorageCompression": false, "SaveJobs": false, "HttpPort": %2$d, "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false, "DicomServerEnabled": false, "HttpTimeout": 60,
                  "KeepAlive": false,
                  "Plugins": ["%3$s"],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/"%4$s }
                }
                """.formatted(home, port, DICOMWEB_PLUGIN, settings));
        Path log = home.resolve("orthanc.log");
        Process process = new ProcessBuilder(BINARY, config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Orthanc orthanc = new Orthanc(process, log, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited: " + Files.readString(log));
            }
            try {
                if (orthanc.get("/system").statusCode() == 200) {
                    return orthanc;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        orthanc.close();
        throw new IOException("Orthanc did not answer within 60 s: " + Files.readString(log));
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> post(String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Orthanc's log so far, for assertion messages. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
