package io.hounsfield.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The S3 store against a real S3 endpoint (S3Proxy), and against endpoints that refuse or never answer. */
class S3StoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Far above the timeout, so a loaded machine cannot fail the test, far below the SDK's own default of none. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static S3Endpoint endpoint;

    @TempDir
    Path work;

    @BeforeAll
    static void startEndpoint() throws Exception {
        // The SDK's default provider chain reads these first (the server documents them for operators).
        System.setProperty("aws.accessKeyId", S3Endpoint.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Endpoint.SECRET_KEY);
        endpoint = S3Endpoint.start();
    }

    @AfterAll
    static void stopEndpoint() throws Exception {
        endpoint.close();
    }

    private S3Store store(String prefix) {
        return new S3Store(endpoint.settings(prefix, TIMEOUT, DataSize.ofMegabytes(8)), work.resolve("cache"));
    }

    @Test
    void keepsReadsListsAndDeletesObjectsUnderItsPrefix() throws Exception {
        try (S3Store store = store("pacs/"); S3Store other = store("other/")) {
            byte[] first = bytes(1, 70_000);
            byte[] second = bytes(2, 10);
            store.put("1.2/1.2.3/1.2.3.4.dcm", file(first));
            store.put("1.2/1.2.3/1.2.3.5.dcm", file(second));
            other.put("9.9/9.9.9/9.9.9.9.dcm", file(second));

            try (InputStream in = store.open("1.2/1.2.3/1.2.3.4.dcm")) {
                assertThat(in.readAllBytes()).isEqualTo(first);
            }
            assertThat(store.size("1.2/1.2.3/1.2.3.4.dcm")).isEqualTo(first.length);
            assertThat(store.exists("1.2/1.2.3/1.2.3.5.dcm")).isTrue();
            assertThat(endpoint.blobs().blobExists(S3Endpoint.BUCKET, "pacs/1.2/1.2.3/1.2.3.5.dcm")).isTrue();
            try (Stream<String> keys = store.keys()) {
                assertThat(keys).containsExactlyInAnyOrder("1.2/1.2.3/1.2.3.4.dcm", "1.2/1.2.3/1.2.3.5.dcm");
            }

            store.put("1.2/1.2.3/1.2.3.5.dcm", file(first));
            assertThat(store.size("1.2/1.2.3/1.2.3.5.dcm")).isEqualTo(first.length);

            store.delete("1.2/1.2.3/1.2.3.5.dcm");
            store.delete("1.2/1.2.3/1.2.3.5.dcm");
            assertThat(store.exists("1.2/1.2.3/1.2.3.5.dcm")).isFalse();
            assertThatThrownBy(() -> store.open("1.2/1.2.3/1.2.3.5.dcm")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.size("1.2/1.2.3/1.2.3.5.dcm")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.localCopy("1.2/1.2.3/1.2.3.5.dcm"))
                    .isInstanceOf(NoSuchFileException.class);
            try (Stream<String> keys = store.keys()) {
                assertThat(keys).containsExactly("1.2/1.2.3/1.2.3.4.dcm");
            }
        }
    }

    @Test
    void uploadsLargeObjectsInParts() throws Exception {
        try (S3Store store = store("large/")) {
            byte[] large = bytes(3, 12 * 1024 * 1024 + 17);
            store.put("1.3/1.3.1/1.3.1.1.dcm", file(large));

            try (InputStream in = store.open("1.3/1.3.1/1.3.1.1.dcm")) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
            // A multipart object's ETag is that of its parts' ETags, with their count: 5 + 5 + 2 MB.
            assertThat(endpoint.blobs().blobMetadata(S3Endpoint.BUCKET, "large/1.3/1.3.1/1.3.1.1.dcm").getETag())
                    .endsWith("-3\"");
        }
    }

    @Test
    void keepsLocalCopiesWithinItsCacheLeastRecentlyUsedFirst() throws Exception {
        try (S3Store store = store("cache/")) {
            List<String> keys = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String key = "1.4/1.4.1/1.4.1." + i + ".dcm";
                store.put(key, file(bytes(10 + i, 400_000)));
                keys.add(key);
            }
            Path first = store.localCopy(keys.get(0));
            assertThat(Files.readAllBytes(first)).isEqualTo(bytes(11, 400_000));
            assertThat(store.localCopy(keys.get(0))).isEqualTo(first);
            Path second = store.localCopy(keys.get(1));
            Path third = store.localCopy(keys.get(2));

            assertThat(first).doesNotExist();
            assertThat(second).exists();
            assertThat(Files.readAllBytes(third)).isEqualTo(bytes(13, 400_000));

            store.put(keys.get(2), file(bytes(20, 1000)));
            assertThat(Files.readAllBytes(store.localCopy(keys.get(2)))).isEqualTo(bytes(20, 1000));
            try (Stream<Path> cached = Files.list(work.resolve("cache"))) {
                assertThat(cached.mapToLong(S3StoreIT::size).sum()).isLessThanOrEqualTo(1024 * 1024);
            }
        }
    }

    @Test
    void anEndpointThatRefusesConnectionsFailsWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertFailsInTime("http://127.0.0.1:" + closedPort);
    }

    @Test
    void anEndpointThatNeverAnswersFailsWithinTheTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            assertFailsInTime("http://127.0.0.1:" + silent.getLocalPort());
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private void assertFailsInTime(String uri) throws Exception {
        StoreProperties.S3 settings = endpoint.settings("", TIMEOUT, DataSize.ofMegabytes(8));
        StoreProperties.S3 unreachable = new StoreProperties.S3(uri, settings.region(), settings.bucket(), "",
                true, TIMEOUT, settings.multipartThreshold(), settings.partSize(), settings.cacheSize());
        try (S3Store store = new S3Store(unreachable, work.resolve("cache"))) {
            Path file = file(bytes(4, 1000));
            long start = System.nanoTime();
            assertThatThrownBy(() -> store.put("1.5/1.5.1/1.5.1.1.dcm", file)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> store.open("1.5/1.5.1/1.5.1.1.dcm")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> store.exists("1.5/1.5.1/1.5.1.1.dcm")).as("not known to be missing")
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> {
                try (Stream<String> keys = store.keys()) {
                    keys.count();
                }
            }).isInstanceOfAny(IOException.class, java.io.UncheckedIOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GENEROUS);
        }
    }

    private Path file(byte[] content) throws IOException {
        Path file = Files.createTempFile(work, "object", ".part");
        Files.write(file, content);
        return file;
    }

    private static byte[] bytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
