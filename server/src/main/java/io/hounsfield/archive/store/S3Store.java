package io.hounsfield.archive.store;

import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The instance store in an S3 bucket ({@code hounsfield.archive.store.type=s3}): each instance is the object
 * {@code <prefix><key>}. {@link #put} returns only once S3 answered the PUT (or the multipart completion) with 200,
 * which is when S3 has the object durably. Every call is bound by the configured timeout, so a service that refuses
 * or hangs makes the call fail with an {@link IOException}, which the doors answer as "out of resources".
 */
@Component
@ConditionalOnProperty(name = StoreProperties.TYPE, havingValue = "s3")
public class S3Store implements InstanceStore, AutoCloseable {
    private static final String DICOM = "application/dicom";

    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final long partSize;
    private final LocalCopies localCopies;

    @Autowired
    S3Store(StoreProperties properties, DataDirectory data) {
        this(properties.s3(), data.root().resolve("s3-cache"));
    }

    S3Store(StoreProperties.S3 settings, Path cacheDirectory) {
        if (settings.bucket().isBlank()) {
            throw new IllegalStateException("hounsfield.archive.store.s3.bucket is not set");
        }
        this.s3 = client(settings, credentials);
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.multipartThreshold = settings.multipartThreshold().toBytes();
        this.partSize = Math.max(settings.partSize().toBytes(), 5L << 20);
        this.localCopies = new LocalCopies(cacheDirectory, settings.cacheSize().toBytes());
    }

    private static S3Client client(StoreProperties.S3 settings, DefaultCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // The SDK's own trailing checksums only where S3 requires them: S3-compatible services do not all
                // read them. Each upload carries its Content-MD5 instead, which S3 and its imitators verify.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.timeout())
                        .socketTimeout(settings.timeout())
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallTimeout(settings.timeout())
                        .apiCallAttemptTimeout(settings.timeout()));
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    @Override
    public void put(String key, Path file) throws IOException {
        localCopies.forget(key);
        try {
            long size = Files.size(file);
            if (size >= multipartThreshold) {
                putInParts(objectKey(key), file, size);
            } else {
                String md5 = md5(file, 0, size);
                s3.putObject(request -> request.bucket(bucket).key(objectKey(key)).contentType(DICOM)
                        .contentLength(size).contentMD5(md5), RequestBody.fromFile(file));
            }
        } catch (SdkException e) {
            throw failure("storing", key, e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A multipart upload (the only way to store objects over 5 GB); a failed one is aborted so no parts linger. */
    private void putInParts(String objectKey, Path file, long size) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(objectKey)
                .contentType(DICOM)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                long start = offset;
                long length = Math.min(partSize, size - offset);
                String md5 = md5(file, start, length);
                String etag = s3.uploadPart(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId)
                        .partNumber(number).contentLength(length).contentMD5(md5),
                        RequestBody.fromContentProvider(() -> slice(file, start, length), length, DICOM)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(request -> request.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** The Base64 MD5 of {@code length} bytes of {@code file} from {@code start} (RFC 1864 Content-MD5). */
    private static String md5(Path file, long start, long length) {
        try (InputStream in = slice(file, start, length)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream slice(Path file, long start, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(start);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int read = super.read(buffer, offset, (int) Math.min(count, left));
                    if (read > 0) {
                        left -= read;
                    }
                    return read;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw failure("reading", key, e);
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(request -> request.bucket(bucket).key(objectKey(key))).contentLength();
        } catch (SdkException e) {
            throw failure("looking up", key, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            size(key);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        localCopies.forget(key);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw failure("deleting", key, e);
        }
    }

    @Override
    public Stream<String> keys() throws IOException {
        // Listed a page (1000 keys) at a time as the stream is read; a later page that fails raises
        // UncheckedIOException.
        Iterator<S3Object> objects;
        try {
            objects = s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()
                    .iterator();
        } catch (SdkException e) {
            throw failure("listing", prefix, e);
        }
        Iterator<S3Object> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return objects.hasNext();
                } catch (SdkException e) {
                    throw new UncheckedIOException(failure("listing", prefix, e));
                }
            }

            @Override
            public S3Object next() {
                try {
                    return objects.next();
                } catch (SdkException e) {
                    throw new UncheckedIOException(failure("listing", prefix, e));
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(checked, Spliterator.ORDERED), false)
                .map(S3Object::key).filter(objectKey -> objectKey.endsWith(".dcm"))
                .map(objectKey -> objectKey.substring(prefix.length()));
    }

    @Override
    public Path localCopy(String key) throws IOException {
        return localCopies.get(key, target -> {
            try (InputStream in = open(key)) {
                Files.copy(in, target);
            } catch (SdkException e) {
                throw failure("reading", key, e);
            }
        });
    }

    private String objectKey(String key) {
        if (key.startsWith("/") || key.contains("..") || key.contains("\\")) {
            throw new IllegalArgumentException("not a store key: " + key);
        }
        return prefix + key;
    }

    /** A missing object becomes {@link NoSuchFileException}, as on the file system; anything else an IOException. */
    private IOException failure(String action, String key, SdkException e) {
        if (e instanceof NoSuchKeyException || (e instanceof S3Exception s3e && s3e.statusCode() == 404)) {
            NoSuchFileException missing = new NoSuchFileException(key);
            missing.initCause(e);
            return missing;
        }
        return new IOException("S3 bucket " + bucket + ": " + action + " " + key + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        s3.close();
        credentials.close();
    }
}
