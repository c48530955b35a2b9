package io.hounsfield.archive.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code hounsfield.archive.store.*} settings: where instance bytes are kept.
 *
 * @param type {@code filesystem} (under the data directory's {@code store/}) or {@code s3} (a bucket)
 * @param s3 the bucket and how to reach it, when {@code type} is {@code s3}
 */
@ConfigurationProperties("hounsfield.archive.store")
public record StoreProperties(@DefaultValue("filesystem") Type type, @DefaultValue S3 s3) {

    public static final String TYPE = "hounsfield.archive.store.type";

    public enum Type { FILESYSTEM, S3 }

    /**
     * An S3 bucket (AWS or any S3-compatible service). Credentials come from the AWS SDK's default provider chain:
     * Java system properties ({@code aws.accessKeyId}, {@code aws.secretAccessKey}), the environment
     * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), a web identity token, the profile file
     * ({@code ~/.aws/credentials}, {@code AWS_PROFILE}), then container or instance roles.
     *
     * @param endpoint the service's URL, for an S3-compatible service; empty for AWS itself
     * @param region the bucket's region (S3-compatible services mostly accept any)
     * @param bucket the bucket; it must exist
     * @param prefix put before every key, so that one bucket can hold several archives (for example {@code pacs/})
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as most
     *     S3-compatible services want
     * @param timeout the longest one call to the service may take, retries included: a store that does not answer
     *     within it fails (and the sender is told to send again later)
     * @param multipartThreshold objects of at least this size are uploaded in parts
     * @param partSize the size of each part of a multipart upload (S3 wants at least 5 MB)
     * @param cacheSize the most disk space the local copies of objects (kept for readers that need a file, such as
     *     frames and rendered images) take under the data directory's {@code s3-cache/}; the least recently used go
     *     first
     */
    public record S3(@DefaultValue("") String endpoint, @DefaultValue("us-east-1") String region,
            @DefaultValue("") String bucket, @DefaultValue("") String prefix,
            @DefaultValue("false") boolean pathStyle, @DefaultValue("30s") Duration timeout,
            @DefaultValue("64MB") DataSize multipartThreshold, @DefaultValue("16MB") DataSize partSize,
            @DefaultValue("2GB") DataSize cacheSize) {
    }
}
