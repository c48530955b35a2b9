package io.hounsfield.archive.ingest;

import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Files every DICOM file (PS3.10) of a folder tree through the same ingest as a C-STORE (parsed, fsync'ed, indexed,
 * identity checked), with {@code IMPORT} as the source AE title, on a few threads: one file is mostly waiting for
 * fsync. Files that are not DICOM or cannot be read are reported, not fatal. Audited like stores: once per study
 * and import run.
 */
@Component
public class BulkImport {
    static final String SOURCE = "IMPORT";
    private static final Actor ACTOR = new Actor(SOURCE, "DICOM", null);
    private static final int THREADS = 4;

    private final Ingest ingest;
    private final IngestSessions sessions;
    private final ArchiveAudit audit;

    BulkImport(Ingest ingest, IngestSessions sessions, ArchiveAudit audit) {
        this.ingest = ingest;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The regular files under {@code root}, in path order. */
    public static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Imports {@code files}, telling {@code progress} of each as it is done. */
    public void importFiles(Path root, List<Path> files, ImportProgress progress) throws InterruptedException {
        String run = "import of " + root + " at " + Instant.now();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> pending = files.stream()
                    .<Future<?>>map(file -> threads.submit(() -> progress.done(file, sizeOf(file), importFile(file, run))))
                    .toList();
            for (Future<?> each : pending) {
                each.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("import thread failed", e.getCause());
        } finally {
            threads.shutdownNow();
            sessions.end(run);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** What became of one file: stored, kept, skipped or failed, with why for the last two. */
    public record FileOutcome(Kind kind, String reason) {
        public enum Kind { STORED, KEPT, SKIPPED, FAILED }
    }

    FileOutcome importFile(Path file, String run) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT);
            Attributes meta = opened.fileMeta();
            if (Uids.MediaStorageDirectoryStorage.equals(strip(meta.getString(Tags.MediaStorageSOPClassUID)))) {
                return new FileOutcome(FileOutcome.Kind.SKIPPED, "a DICOMDIR (media directory), not an instance");
            }
            if (meta.isEmpty()) {
                return failed("no File Meta Information (PS3.10): not a DICOM file, or a bare data set");
            }
            IncomingInstance incoming = Part10Instance.of(opened, sessions.session(run), ACTOR, SOURCE, SOURCE, null);
            StoreOutcome outcome = ingest.store(incoming);
            if (outcome.kind() == StoreOutcome.Kind.REJECTED) {
                audit.storeFailed(ACTOR, incoming.sopInstanceUid(), outcome.rejection());
                return failed(outcome.rejection());
            }
            return new FileOutcome(outcome.kind() == StoreOutcome.Kind.STORED ? FileOutcome.Kind.STORED
                    : FileOutcome.Kind.KEPT, null);
        } catch (IOException | RuntimeException e) {
            return failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static FileOutcome failed(String reason) {
        return new FileOutcome(FileOutcome.Kind.FAILED, reason);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
