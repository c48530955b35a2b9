package io.hounsfield.archive.ingest;

import io.hounsfield.archive.index.ArchiveIndex;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The open ingest sessions by name: one per association storing, web request or import run. A session ends with its
 * association's release, which first waits until every commit so far is on disk, so that what the association stored
 * is durable, index and audit lines included, before the peer hears the release answered. Sessions never ended (an
 * aborted association) are dropped, oldest first, beyond a bound.
 */
@Component
class IngestSessions {
    private static final int OPEN = 512;

    private final ArchiveIndex index;
    private final Map<String, IngestSession> open = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, IngestSession> eldest) {
                    return size() > OPEN;
                }
            });

    IngestSessions(ArchiveIndex index) {
        this.index = index;
    }

    IngestSession session(String name) {
        return open.computeIfAbsent(name, IngestSession::new);
    }

    /** Ends the session of {@code name}, if one is open, once its commits are on disk. */
    void end(String name) {
        if (open.remove(name) != null) {
            index.flushCommits();
        }
    }
}
