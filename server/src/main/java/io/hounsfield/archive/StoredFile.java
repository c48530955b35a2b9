package io.hounsfield.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A visible stored instance, as received (PS3.10), in the transfer syntax it came in, and the means to read it from
 * the instance store wherever that keeps it: a stream of its bytes, or a local file for readers that need random
 * access.
 *
 * @param key the instance's key in the store
 */
public record StoredFile(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String sopClassUid, String transferSyntaxUid, String key, Content content) {

    /** Reads one stored object. */
    public interface Content {
        InputStream open() throws IOException;

        long size() throws IOException;

        /** A local file with the content, to be read only (the store's own file, or a cached copy). */
        Path localCopy() throws IOException;
    }

    public InputStream open() throws IOException {
        return content.open();
    }

    public long size() throws IOException {
        return content.size();
    }

    public Path localCopy() throws IOException {
        return content.localCopy();
    }
}
