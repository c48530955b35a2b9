package io.hounsfield.archive.ingest;

import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.archive.index.IndexedRows;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one association, web request or import run has settled so far, so that its next instance of a study costs
 * less than the first: the identity check's answer for the study as the instance describes it, the study and series
 * rows written, and which studies the audit trail has a line for. Import runs on several threads, hence the
 * concurrent maps; each is bounded.
 */
final class IngestSession {
    private static final int REMEMBERED = 1024;

    private final String name;
    private final IndexedRows rows = new IndexedRows();
    private final Map<IndexEntry.Study, Optional<String>> identity = new ConcurrentHashMap<>();
    private final Set<String> auditedStudies = ConcurrentHashMap.newKeySet();

    IngestSession(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    IndexedRows rows() {
        return rows;
    }

    /** The quarantine reason for an instance of {@code study} ({@code null}: file it), checked once per session. */
    String quarantineReason(IndexEntry.Study study, IdentityCheck check) {
        Optional<String> known = identity.get(study);
        if (known != null) {
            return known.orElse(null);
        }
        if (identity.size() >= REMEMBERED) {
            identity.clear();
        }
        String reason = check.problemWith(study);
        identity.put(study, Optional.ofNullable(reason));
        return reason;
    }

    /** True the first time a study is stored in this session: it gets its line in the audit trail. */
    boolean firstOfStudy(String studyInstanceUid) {
        if (auditedStudies.size() >= REMEMBERED * 16) {
            auditedStudies.clear();
        }
        return auditedStudies.add(studyInstanceUid);
    }

    /** Forgets what may have changed under the session (rows deleted, exams edited); true if anything was known. */
    boolean forget() {
        identity.clear();
        return rows.forget();
    }
}
