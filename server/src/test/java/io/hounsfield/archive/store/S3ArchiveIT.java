package io.hounsfield.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicomweb.DicomWebClient;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on the S3 store (S3Proxy in this JVM): what C-STORE and STOW-RS put in the bucket is, byte for
 * byte, what C-MOVE, C-GET and WADO-RS give back; with the endpoint gone, C-STORE answers Out of Resources within the
 * timeout and indexes nothing, and once it is back a store succeeds again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0",
    "hounsfield.archive.store.type=s3",
    "hounsfield.archive.store.s3.bucket=" + S3Endpoint.BUCKET,
    "hounsfield.archive.store.s3.prefix=hounsfield/",
    "hounsfield.archive.store.s3.path-style=true",
    "hounsfield.archive.store.s3.timeout=" + S3ArchiveIT.TIMEOUT_SECONDS + "s"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ArchiveIT {
    static final int TIMEOUT_SECONDS = 5;
    private static final String PREFIX = "hounsfield/";
    private static final String DICOM = "multipart/related; type=\"application/dicom\"";
    private static S3Endpoint endpoint;

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    ArchiveIndex index;

    @Autowired
    DataDirectory data;

    @Autowired
    InstanceStore store;

    @TempDir
    static Path work;

    private TestStudies.Study study;
    private final Map<String, Path> sent = new HashMap<>();
    private Process destination;
    private Path moved;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        System.setProperty("aws.accessKeyId", S3Endpoint.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Endpoint.SECRET_KEY);
        endpoint = S3Endpoint.start();
        registry.add("hounsfield.archive.store.s3.endpoint", endpoint::uri);
    }

    @BeforeAll
    void storeAStudyByCStoreAndStowRs() throws Exception {
        study = TestStudies.Study.of("S3-" + System.nanoTime(), "BUCKET^ANNA", "S3ACC1", "20250401");
        Path folder = work.resolve("study");
        List<Path> files = TestStudies.write(folder, study, 2, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        for (Path file : files) {
            sent.put(uid(file), file);
        }
        Path stowed = files.get(files.size() - 1);
        Files.move(stowed, work.resolve("stowed.dcm"));
        sent.put(uid(work.resolve("stowed.dcm")), work.resolve("stowed.dcm"));

        Dcmtk.Run store = storescu(folder);
        assertThat(store.exitCode()).as(store.output()).isZero();
        HttpResponse<byte[]> stow = new DicomWebClient(port).post("/studies", "tech", DICOM + "; boundary=b0undary",
                DicomWebClient.multipart("b0undary", List.of(Files.readAllBytes(work.resolve("stowed.dcm")))));
        assertThat(stow.statusCode()).as(new String(stow.body())).isEqualTo(200);

        int destinationPort = Dcmtk.freePort();
        moved = Files.createDirectories(work.resolve("moved"));
        destination = Dcmtk.startServer(work, destinationPort, "storescp", "-aet", "S3MOVEDEST", "+xa", "-od",
                moved.toString(), String.valueOf(destinationPort));
        peers.save(new DicomPeer("S3MOVEDEST", "storescp of S3ArchiveIT", "127.0.0.1", destinationPort, null, null,
                Set.of(PeerPermission.MOVE_DESTINATION), true));
    }

    @AfterAll
    void stop() throws Exception {
        Dcmtk.stop(destination);
        endpoint.close();
    }

    @Test
    void theStoreIsTheBucket() throws Exception {
        assertThat(store).isInstanceOf(S3Store.class);
        for (Map.Entry<String, Path> instance : sent.entrySet()) {
            String key = StoreLayout.relativePath(instance.getKey());
            Blob object = endpoint.blobs().getBlob(S3Endpoint.BUCKET, PREFIX + key);
            assertThat(object).as("object of " + instance.getKey()).isNotNull();
            Path copy = work.resolve("object.dcm");
            try (InputStream in = object.getPayload().openStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(TestStudies.datasetBytes(copy)).as(instance.getKey())
                    .isEqualTo(TestStudies.datasetBytes(instance.getValue()));
        }
        try (Stream<Path> files = Files.walk(data.store())) {
            assertThat(files.filter(file -> file.toString().endsWith(".dcm"))).as("nothing on the local disk")
                    .isEmpty();
        }
    }

    @Test
    void cMoveDeliversByteForByte() throws Exception {
        Dcmtk.Run move = Dcmtk.run(work, "movescu", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-aem", "S3MOVEDEST",
                "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(), "127.0.0.1",
                String.valueOf(listener.port()));
        assertThat(move.exitCode()).as(move.output()).isZero();
        assertByteForByte(moved);
    }

    @Test
    void cGetDeliversByteForByte() throws Exception {
        Path got = Files.createDirectories(work.resolve("got"));
        Dcmtk.Run get = Dcmtk.run(work, "getscu", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-S", "-od",
                got.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.studyUid(),
                "127.0.0.1", String.valueOf(listener.port()));
        assertThat(get.exitCode()).as(get.output()).isZero();
        assertByteForByte(got);
    }

    @Test
    void wadoRsReturnsTheInstancesByteForByteAndReadsFramesAndMetadata() throws Exception {
        DicomWebClient client = new DicomWebClient(port);
        HttpResponse<byte[]> response = client.get("/studies/" + study.studyUid(), "tech", DICOM);
        assertThat(response.statusCode()).isEqualTo(200);
        Path retrieved = Files.createDirectories(work.resolve("wado"));
        int part = 0;
        for (byte[] bytes : DicomWebClient.parts(response)) {
            Files.write(retrieved.resolve("part" + part++ + ".dcm"), bytes);
        }
        assertByteForByte(retrieved);

        Path any = sent.values().iterator().next();
        Attributes dataset = Part10.read(any).dataset();
        String instance = "/studies/" + study.studyUid() + "/series/" + dataset.getString(Tags.SeriesInstanceUID)
                + "/instances/" + dataset.getString(Tags.SOPInstanceUID);
        assertThat(client.get(instance + "/frames/1", "tech", null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> metadata = client.get(instance + "/metadata", "tech", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(new String(metadata.body())).contains("BUCKET^ANNA");
    }

    @Test
    void withTheEndpointGoneCStoreIsRefusedInTimeAndIndexesNothing() throws Exception {
        TestStudies.Study late = TestStudies.Study.of("S3-LATE-" + System.nanoTime(), "BUCKET^LATE", "S3ACC2",
                "20250402");
        Path folder = work.resolve("late");
        Path file = TestStudies.write(folder, late, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
        String uid = uid(file);

        endpoint.stop();
        Dcmtk.Run refused;
        long start = System.nanoTime();
        try {
            refused = storescu(folder);
        } finally {
            endpoint.restart();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refused.output()).contains("Refused: OutOfResources").doesNotContain("(Success)");
        // Far above the store's timeout (retries included), far below storescu's own patience.
        assertThat(took).isLessThan(Duration.ofSeconds(TIMEOUT_SECONDS * 6L));
        assertThat(index.instance(uid)).as("nothing indexed").isEmpty();

        Dcmtk.Run again = storescu(folder);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("(Success)");
        assertThat(index.instance(uid)).isPresent();
    }

    private Dcmtk.Run storescu(Path folder) throws IOException, InterruptedException {
        return Dcmtk.run(work, "storescu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
    }

    /** Every instance sent is in {@code directory}, its data set byte for byte the one sent. */
    private void assertByteForByte(Path directory) throws Exception {
        Map<String, Path> delivered = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                delivered.put(uid(file), file);
            }
        }
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (Map.Entry<String, Path> instance : sent.entrySet()) {
            assertThat(TestStudies.datasetBytes(delivered.get(instance.getKey()))).as(instance.getKey())
                    .isEqualTo(TestStudies.datasetBytes(instance.getValue()));
        }
    }

    private static String uid(Path file) throws IOException {
        return Part10.read(file).dataset().getString(Tags.SOPInstanceUID);
    }
}
