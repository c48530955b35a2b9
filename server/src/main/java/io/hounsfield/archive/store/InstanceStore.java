package io.hounsfield.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Keeps the bytes of stored instances, each under the key the index records for it (a relative path with forward
 * slashes, such as {@code 1a2/1.2.3.dcm}): on a local file system or in an S3 bucket, as configured. An object counts
 * as stored only once {@link #put} returned, that is once the store acknowledged it (fsync'ed, or S3 PUT answered
 * 200); the archive indexes it only after that (PS3.4 §B.2.3).
 */
public interface InstanceStore {

    /**
     * Makes the content of {@code file} durable under {@code key}, replacing what the key held. The file is a
     * temporary file of {@link StoreLayout#newTemporaryFile()}; it is moved or consumed, and deleted by the caller if
     * it is still there.
     */
    void put(String key, Path file) throws IOException;

    /** The object's content; {@link java.nio.file.NoSuchFileException} when the key holds nothing. */
    InputStream open(String key) throws IOException;

    /** The object's size in bytes; {@link java.nio.file.NoSuchFileException} when the key holds nothing. */
    long size(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes the object; a key that holds nothing is not an error. */
    void delete(String key) throws IOException;

    /** Every key that holds an instance, for verification and recovery; the caller closes the stream. */
    Stream<String> keys() throws IOException;

    /**
     * A local file with the object's content, for readers that need random access (frames, bulk data, retrieve): the
     * file system store's own file, or a copy the S3 store keeps in a bounded local cache. The file must only be read.
     */
    Path localCopy(String key) throws IOException;
}
