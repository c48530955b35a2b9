package io.hounsfield.archive.store;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.springframework.util.unit.DataSize;

/**
 * A real S3 endpoint in the test JVM: S3Proxy on jclouds' in-memory blob store, with SigV4 authentication and one
 * bucket. It can be stopped and started again on the same port with its objects, as an S3 service that goes away
 * and comes back. One per test class: it takes a second or two to start.
 */
public final class S3Endpoint implements AutoCloseable {
    public static final String ACCESS_KEY = "hounsfield-test";
    public static final String SECRET_KEY = "hounsfield-test-secret";
    public static final String BUCKET = "archive";

    private final BlobStoreContext context;
    private final BlobStore blobs;
    private S3Proxy proxy;
    private int port;

    private S3Endpoint() {
        this.context = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        this.blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
    }

    public static S3Endpoint start() throws Exception {
        S3Endpoint endpoint = new S3Endpoint();
        endpoint.listen(0);
        return endpoint;
    }

    private void listen(int onPort) throws Exception {
        proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:" + onPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        port = proxy.getPort();
    }

    /** The endpoint goes away: connections to its port are refused. */
    public void stop() throws Exception {
        proxy.stop();
    }

    /** It comes back on the same port, with the objects it had. */
    public void restart() throws Exception {
        listen(port);
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Store settings for this endpoint. */
    public StoreProperties.S3 settings(String prefix, Duration timeout, DataSize multipartThreshold) {
        return new StoreProperties.S3(uri(), "us-east-1", BUCKET, prefix, true, timeout, multipartThreshold,
                DataSize.ofMegabytes(5), DataSize.ofMegabytes(1));
    }

    /** The server's settings (environment variables) for this endpoint, credentials the SDK's way. */
    public Map<String, String> serverEnvironment(String prefix, Duration timeout) {
        return Map.of("HOUNSFIELD_ARCHIVE_STORE_TYPE", "s3", "HOUNSFIELD_ARCHIVE_STORE_S3_ENDPOINT", uri(),
                "HOUNSFIELD_ARCHIVE_STORE_S3_BUCKET", BUCKET, "HOUNSFIELD_ARCHIVE_STORE_S3_PREFIX", prefix,
                "HOUNSFIELD_ARCHIVE_STORE_S3_PATH_STYLE", "true",
                "HOUNSFIELD_ARCHIVE_STORE_S3_TIMEOUT", timeout.toSeconds() + "s",
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
