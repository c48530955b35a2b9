package io.hounsfield.archive;

import io.hounsfield.archive.store.S3Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DurabilityIT}'s kill -9 of the server and its PostgreSQL, on the S3 store: S3Proxy runs in this JVM and
 * outlives the server, as S3 outlives a crashed host; every acknowledged instance is in the bucket, intact, indexed.
 */
class S3DurabilityIT {
    private static final String PREFIX = "durability/";
    private static S3Endpoint endpoint;

    @TempDir
    Path work;

    @BeforeAll
    static void startEndpoint() throws Exception {
        endpoint = S3Endpoint.start();
    }

    @AfterAll
    static void stopEndpoint() throws Exception {
        endpoint.close();
    }

    @Test
    void everyAcknowledgedInstanceSurvivesAKill() throws Exception {
        DurabilityIT.everyAcknowledgedInstanceSurvivesAKill(work, new DurabilityIT.StoreUnderTest() {
            @Override
            public Map<String, String> serverEnvironment() {
                return endpoint.serverEnvironment(PREFIX, Duration.ofSeconds(30));
            }

            @Override
            public byte[] datasetBytes(Path dataDir, String key) throws IOException {
                Blob object = endpoint.blobs().getBlob(S3Endpoint.BUCKET, PREFIX + key);
                if (object == null) {
                    throw new IOException("no object " + PREFIX + key);
                }
                Path copy = work.resolve("object.dcm");
                try (InputStream in = object.getPayload().openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                return TestStudies.datasetBytes(copy);
            }

            @Override
            public long instanceCount(Path dataDir) {
                // Only instances are put under the prefix.
                return endpoint.blobs().countBlobs(S3Endpoint.BUCKET,
                        ListContainerOptions.Builder.prefix(PREFIX).recursive());
            }
        });
    }
}
