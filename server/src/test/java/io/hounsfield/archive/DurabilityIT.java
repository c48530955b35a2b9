package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.ServerProcess;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the packaged server and its PostgreSQL (as a power loss would end both) while four storescu send 2000
 * instances: after a restart every instance that got Success is indexed and intact, no temporary file is left, and
 * every file in the store is indexed. On the file system store here; {@link S3DurabilityIT} runs the same on S3.
 */
class DurabilityIT {
    private static final int PER_SENDER = 500;
    private static final int KILL_AFTER = 300;
    /** Generous: a loaded build machine has taken three minutes to start the packaged server with demo data. */
    private static final Duration STARTUP = Duration.ofMinutes(8);

    @TempDir
    Path work;

    /** Where the server keeps instance bytes, as the kill test reads them back. */
    interface StoreUnderTest {
        /** The server's settings that choose this store. */
        Map<String, String> serverEnvironment();

        /** The data set (after the File Meta Information) of the instance stored under {@code key}. */
        byte[] datasetBytes(Path dataDir, String key) throws IOException;

        /** How many instances the store holds. */
        long instanceCount(Path dataDir) throws IOException;
    }

    /** The file system store, under the data directory's {@code store/}. */
    static final StoreUnderTest FILE_SYSTEM = new StoreUnderTest() {
        @Override
        public Map<String, String> serverEnvironment() {
            return Map.of();
        }

        @Override
        public byte[] datasetBytes(Path dataDir, String key) throws IOException {
            return TestStudies.datasetBytes(dataDir.resolve("store").resolve(key));
        }

        @Override
        public long instanceCount(Path dataDir) throws IOException {
            try (Stream<Path> files = Files.walk(dataDir.resolve("store"))) {
                return files.filter(file -> file.toString().endsWith(".dcm")).count();
            }
        }
    };

    @Test
    void everyAcknowledgedInstanceSurvivesAKill() throws Exception {
        everyAcknowledgedInstanceSurvivesAKill(work, FILE_SYSTEM);
    }

    static void everyAcknowledgedInstanceSurvivesAKill(Path work, StoreUnderTest store) throws Exception {
        Path dataDir = Path.of("target", "it-data", "durability-" + UUID.randomUUID()).toAbsolutePath();
        int dicomPort = ServerProcess.freePort();
        List<TestStudies.Study> studies = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Map<Path, Attributes> sources = new HashMap<>();
        for (int sender = 0; sender < 4; sender++) {
            TestStudies.Study study = TestStudies.Study.of("DUR-" + sender, "DURABLE^" + sender, "DACC" + sender,
                    "20250601");
            Path folder = work.resolve("sender" + sender);
            for (Path file : TestStudies.write(folder, study, 1, PER_SENDER, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                sources.put(file, Part10.read(file).dataset());
            }
            studies.add(study);
            folders.add(folder);
        }

        List<Process> senders = new ArrayList<>();
        try (ServerProcess server = start(dataDir, dicomPort, true, store.serverEnvironment())) {
            server.awaitHealthy(STARTUP);
            for (int sender = 0; sender < 4; sender++) {
                senders.add(storescu(folders.get(sender), dicomPort, work.resolve("sender" + sender + ".log")));
            }
            awaitAcknowledged(work, KILL_AFTER, Duration.ofSeconds(120));
            server.kill();
            killPostgres(dataDir.resolve("pg"));
        }
        for (Process sender : senders) {
            assertThat(sender.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Set<Path> acknowledged = acknowledged(work);

        try (ServerProcess restarted = start(dataDir, dicomPort, false, store.serverEnvironment())) {
            restarted.awaitHealthy(STARTUP);
            Set<String> indexed = new HashSet<>();
            for (TestStudies.Study study : studies) {
                indexed.addAll(indexedInstances(work, study, dicomPort));
            }
            for (Path file : acknowledged) {
                Attributes source = sources.get(file);
                String uid = source.getString(Tags.SOPInstanceUID);
                assertThat(indexed).as("acknowledged " + uid).contains(uid);
                String key = StoreLayout.relativePath(uid);
                assertThat(store.datasetBytes(dataDir, key)).isEqualTo(TestStudies.datasetBytes(file));
            }
            try (Stream<Path> incoming = Files.list(dataDir.resolve("store").resolve("incoming"))) {
                assertThat(incoming).isEmpty();
            }
            assertThat(store.instanceCount(dataDir)).isEqualTo(indexed.size());
            assertThat(acknowledged).hasSizeBetween(KILL_AFTER, 4 * PER_SENDER - 1);
        }
    }

    /**
     * kill -9 of PostgreSQL alone while four storescu send: the server starts it again by itself, is healthy again,
     * takes a new storescu, answers DICOMweb, and every instance that got Success is indexed.
     */
    @Test
    void servesAgainAfterPostgresAloneIsKilled() throws Exception {
        Path dataDir = Path.of("target", "it-data", "durability-pg-" + UUID.randomUUID()).toAbsolutePath();
        int dicomPort = ServerProcess.freePort();
        List<TestStudies.Study> studies = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Map<Path, String> uids = new HashMap<>();
        for (int sender = 0; sender < 5; sender++) {
            TestStudies.Study study = TestStudies.Study.of("DPG-" + sender, "DURABLE^PG" + sender, "DPGACC" + sender,
                    "20250601");
            Path folder = work.resolve("sender" + sender);
            for (Path file : TestStudies.write(folder, study, 1, 150, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                uids.put(file, Part10.read(file).dataset().getString(Tags.SOPInstanceUID));
            }
            studies.add(study);
            folders.add(folder);
        }
        try (ServerProcess server = start(dataDir, dicomPort, true, Map.of())) {
            server.awaitHealthy(STARTUP);
            List<Process> senders = new ArrayList<>();
            for (int sender = 0; sender < 4; sender++) {
                senders.add(storescu(folders.get(sender), dicomPort, work.resolve("sender" + sender + ".log")));
            }
            awaitAcknowledged(work, 100, Duration.ofSeconds(120));
            killPostgres(dataDir.resolve("pg"));
            for (Process sender : senders) {
                assertThat(sender.waitFor(120, TimeUnit.SECONDS)).isTrue();
            }
            Set<Path> acknowledged = acknowledged(work);

            server.awaitHealthy(STARTUP);
            Process late = storescu(folders.get(4), dicomPort, work.resolve("late.log"));
            assertThat(late.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(late.exitValue()).as(Files.readString(work.resolve("late.log"))).isZero();
            assertThat(Files.readString(work.resolve("late.log"))).doesNotContain("Store Response (Failed")
                    .contains("Received Store Response (Success)");
            assertThat(indexedInstances(work, studies.get(4), dicomPort)).hasSize(150);

            HttpResponse<String> qido = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.uri("/dicom-web/studies?StudyInstanceUID=" + studies.get(4).studyUid()))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "radiologist:demo".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(qido.statusCode()).isEqualTo(200);
            assertThat(qido.body()).contains(studies.get(4).studyUid());

            Set<String> indexed = new HashSet<>();
            for (TestStudies.Study study : studies.subList(0, 4)) {
                indexed.addAll(indexedInstances(work, study, dicomPort));
            }
            for (Path file : acknowledged) {
                assertThat(indexed).as("acknowledged " + uids.get(file)).contains(uids.get(file));
            }
        }
    }

    /** The database server and its processes, without a chance to flush anything. */
    private static void killPostgres(Path pgData) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    private static ServerProcess start(Path dataDir, int dicomPort, boolean demo, Map<String, String> store)
            throws Exception {
        int httpPort = ServerProcess.freePort();
        Map<String, String> environment = new HashMap<>(store);
        environment.putAll(Map.of("SERVER_PORT", String.valueOf(httpPort),
                "HOUNSFIELD_DATA_DIR", dataDir.toString(), "HOUNSFIELD_DICOM_PORT", String.valueOf(dicomPort),
                "HOUNSFIELD_HL7_PORT", "0", "HOUNSFIELD_DEMO", String.valueOf(demo),
                // the test counts what it stored itself
                "HOUNSFIELD_DEMO_IMAGES", "false"));
        return ServerProcess.startWithEnvironment(environment);
    }

    private static Process storescu(Path folder, int port, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("storescu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd",
                "127.0.0.1", String.valueOf(port), folder.toString());
        builder.environment().put("TCP_NODELAY", "1");
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitAcknowledged(Path work, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged(work).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " stores acknowledged in " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /** The files storescu got Success for: each "Sending file" line followed by a successful response. */
    private static Set<Path> acknowledged(Path work) throws Exception {
        Set<Path> files = new HashSet<>();
        for (int sender = 0; sender < 4; sender++) {
            Path log = work.resolve("sender" + sender + ".log");
            if (!Files.exists(log)) {
                continue;
            }
            Path sending = null;
            for (String line : Files.readAllLines(log)) {
                if (line.contains("Sending file: ")) {
                    sending = Path.of(line.substring(line.indexOf("Sending file: ") + 14).strip());
                } else if (line.contains("Received Store Response (Success)") && sending != null) {
                    files.add(sending);
                    sending = null;
                }
            }
        }
        return files;
    }

    private static List<String> indexedInstances(Path work, TestStudies.Study study, int port) throws Exception {
        Dcmtk.Run run = Dcmtk.run(work, "findscu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "-S", "-k",
                "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study.studyUid(), "-k", "SeriesInstanceUID",
                "127.0.0.1", String.valueOf(port));
        List<String> instances = new ArrayList<>();
        for (String series : values(run.output(), "SeriesInstanceUID")) {
            Dcmtk.Run images = Dcmtk.run(work, "findscu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "-S", "-k",
                    "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + study.studyUid(), "-k",
                    "SeriesInstanceUID=" + series, "-k", "SOPInstanceUID", "127.0.0.1", String.valueOf(port));
            instances.addAll(values(images.output(), "SOPInstanceUID"));
        }
        return instances;
    }

    /** Values of a keyword in findscu's verbose responses (not in the request it echoes). */
    private static List<String> values(String output, String keyword) {
        List<String> values = new ArrayList<>();
        boolean inResponse = false;
        for (String line : output.lines().toList()) {
            if (line.contains("Find Response")) {
                inResponse = true;
            } else if (inResponse && line.contains(keyword) && line.contains("[")) {
                values.add(line.substring(line.indexOf('[') + 1, line.indexOf(']')).replace("\0", ""));
            }
        }
        return values;
    }
}
