package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The DICOM JSON of recently asked instances, so that {@code /metadata} of a series reads and encodes each file once
 * and later answers from memory (a viewer asks it on every opening). An entry is valid while its file has the same
 * size and modification time; a replaced instance is read again. At most {@link #MAX_SIZE} characters are kept, the
 * least recently used instances leaving first; long binary values are not held (they are bulk data markers).
 */
@Component
class MetadataCache {
    /** About 64 MB: the metadata of some ten thousand CT images. */
    static final long MAX_SIZE = 64L << 20;

    private record Key(String file, long size, FileTime modified) {
    }

    private final Map<Key, InstanceMetadata.Json> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long size;

    InstanceMetadata.Json json(StoredFile file) throws IOException {
        // The local copy is the store's file, or a copy fetched anew whenever the object was replaced.
        Path local = file.localCopy();
        BasicFileAttributes attributes = Files.readAttributes(local, BasicFileAttributes.class);
        Key key = new Key(file.key(), attributes.size(), attributes.lastModifiedTime());
        synchronized (entries) {
            InstanceMetadata.Json cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        InstanceMetadata.Json json = InstanceMetadata.parse(local).json(file);
        synchronized (entries) {
            InstanceMetadata.Json replaced = entries.put(key, json);
            size += json.size() - (replaced == null ? 0 : replaced.size());
            Iterator<InstanceMetadata.Json> eldest = entries.values().iterator();
            while (size > MAX_SIZE && eldest.hasNext()) {
                size -= eldest.next().size();
                eldest.remove();
            }
        }
        return json;
    }
}
