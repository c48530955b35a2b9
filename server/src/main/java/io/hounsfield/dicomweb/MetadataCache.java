package io.hounsfield.dicomweb;

import io.hounsfield.archive.StoredFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The parsed metadata of recently asked instances, so that {@code /metadata} of a series reads each file once and
 * later answers from memory (a viewer asks it on every opening). An entry is valid while its file has the same
 * size and modification time; a replaced instance is read again. At most {@link #MAX_ENTRIES} instances are kept,
 * the least recently used leaving first; long binary values are not held (they are bulk data markers).
 */
@Component
class MetadataCache {
    static final int MAX_ENTRIES = 20_000;

    private record Key(String file, long size, FileTime modified) {
    }

    private final Map<Key, InstanceMetadata.Parsed> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, InstanceMetadata.Parsed> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    InstanceMetadata.Metadata metadata(StoredFile file, DicomWebLinks links) throws IOException {
        return parsed(file).linked(file, links);
    }

    InstanceMetadata.Parsed parsed(StoredFile file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file.file(), BasicFileAttributes.class);
        Key key = new Key(file.file().toString(), attributes.size(), attributes.lastModifiedTime());
        synchronized (entries) {
            InstanceMetadata.Parsed cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        InstanceMetadata.Parsed parsed = InstanceMetadata.parse(file);
        synchronized (entries) {
            entries.put(key, parsed);
        }
        return parsed;
    }
}
