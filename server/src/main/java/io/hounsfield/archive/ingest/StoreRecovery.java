package io.hounsfield.archive.ingest;

import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.events.ArchiveEvents;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.archive.index.IndexedRows;
import io.hounsfield.archive.index.InstanceKeys;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.PixelDataConsumer;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.system.DatabaseRestarted;
import io.hounsfield.system.RunMode;
import io.hounsfield.system.SystemPhases;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the store and its index back in line after a crash, before the DICOM listener opens: temporary files of
 * stores that never finished are deleted (their senders got no success), and files that were renamed into place
 * but whose index rows were never committed are indexed now. That walk through the whole store is needed only when
 * the last run did not stop cleanly (a crash, {@code kill -9}, a database restart); a clean stop leaves a mark that
 * spares it. The walk is also what makes the ingest's commits without waiting for the disk safe.
 */
@Component
public class StoreRecovery implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(StoreRecovery.class.getName());

    private final StoreLayout layout;
    private final InstanceStore store;
    private final ArchiveIndex index;
    private final IdentityCheck identity;
    private final TransactionTemplate transactions;
    private final RunMode runMode;
    private final ArchiveEvents events;
    private volatile boolean running;
    private volatile OffsetDateTime databaseStartedAt;

    StoreRecovery(StoreLayout layout, InstanceStore store, ArchiveIndex index, IdentityCheck identity,
            TransactionTemplate transactions, RunMode runMode, ArchiveEvents events) {
        this.runMode = runMode;
        this.events = events;
        this.layout = layout;
        this.store = store;
        this.index = index;
        this.identity = identity;
        this.transactions = transactions;
    }

    /** What one recovery did. */
    public record Result(int temporaryFilesRemoved, int filesIndexed, int filesUnreadable) {
    }

    @Override
    public void start() {
        databaseStartedAt = index.databaseStartedAt();
        Result result = layout.cleanlyStopped() ? removeTemporaryFilesOnly() : recover();
        LOG.log(System.Logger.Level.INFO, "store recovery: {0} temporary files removed, {1} files re-indexed, "
                + "{2} unreadable", result.temporaryFilesRemoved(), result.filesIndexed(), result.filesUnreadable());
        running = true;
    }

    /** After a clean stop every file was indexed before its success was sent: no walk through the whole store. */
    private Result removeTemporaryFilesOnly() {
        try {
            return new Result(removeTemporaryFiles(), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result recover() {
        try {
            int removed = removeTemporaryFiles();
            int indexed = 0;
            int unreadable = 0;
            for (String key : unindexedKeys()) {
                if (reindex(key)) {
                    indexed++;
                } else {
                    unreadable++;
                }
            }
            return new Result(removed, indexed, unreadable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The database died while this server ran on: index commits of stores already acknowledged may be lost. Objects
     * in the store without an index row are indexed; a store under way now is not disturbed, as indexing one takes
     * its instance's lock and finds it indexed once that store has committed.
     */
    @EventListener
    void afterDatabaseRestart(DatabaseRestarted restarted) {
        // Right after the restart the pool may still be reconnecting, or busy with senders retrying: try again.
        for (int attempt = 1; attempt <= 30; attempt++) {
            try {
                int indexed = 0;
                for (String key : unindexedKeys()) {
                    if (!reindex(key) && !index.containsFile(key)) {
                        throw new IOException(key + " could not be indexed yet");
                    }
                    indexed++;
                }
                LOG.log(System.Logger.Level.WARNING, "after the database restart, {0} stored files were indexed again",
                        indexed);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "store check after the database restart (attempt {0}): {1}",
                        attempt, e.toString());
                sleepASecond();
            }
        }
    }

    private List<String> unindexedKeys() throws IOException {
        try (Stream<String> keys = store.keys()) {
            return keys.filter(key -> !index.containsFile(key)).toList();
        }
    }

    private static void sleepASecond() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int removeTemporaryFiles() throws IOException {
        List<Path> temporary = layout.temporaryFiles();
        for (Path file : temporary) {
            Files.deleteIfExists(file);
        }
        return temporary.size();
    }

    private boolean reindex(String relative) {
        try (InputStream in = new BufferedInputStream(store.open(relative), 64 * 1024)) {
            // Read to the end: a file renamed into place but not yet fsync'ed when the machine stopped may be cut short.
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT.withPixelData(PixelDataConsumer.DISCARD));
            Attributes header = opened.reader().readDataset();
            String source = opened.fileMeta().getString(0x00020016);
            InstanceKeys keys = InstanceKeys.of(header, opened.fileMeta().getString(Tags.MediaStorageSOPClassUID),
                    opened.fileMeta().getString(Tags.MediaStorageSOPInstanceUID), opened.transferSyntax().uid());
            if (!relative.equals(keys.relativePath()) && !relative.equals(StoreLayout.formerPath(
                    keys.studyInstanceUid(), keys.seriesInstanceUid(), keys.sopInstanceUid()))) {
                throw new IOException("file is not where its UIDs say it belongs");
            }
            IndexEntry entry = IndexEntry.of(header, keys, relative, store.size(relative),
                    source == null ? "" : source.strip());
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (index.lockInstance(entry.instance().sopInstanceUid()).isPresent()) {
                    LOG.log(System.Logger.Level.WARNING, "store recovery: {0} is a stale copy of an instance indexed "
                            + "elsewhere", relative);
                    return false;
                }
                String quarantine = identity.problemWith(entry.study());
                index.index(entry, quarantine, new IndexedRows());
                // The crash lost the store's commit, and with it its event: the file's consumers hear of it now.
                events.append(new InstanceStored(entry.study().studyInstanceUid(), entry.series().seriesInstanceUid(),
                        entry.instance().sopInstanceUid(), entry.study().accessionNumber(), entry.instance().sourceAeTitle(),
                        quarantine != null));
                return true;
            }));
        } catch (IOException | InstanceKeys.Unusable | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "store recovery: {0} not indexed: {1}", relative, e.toString());
            return false;
        }
    }

    /** A command leaves the store as it found it: {@code verify} must report what a crash left. */
    @Override
    public boolean isAutoStartup() {
        return runMode.serving();
    }

    /**
     * After the listeners have stopped, so that no store is under way. The mark is left only when every index commit
     * of this run is on disk: none lost by a database restart (ingest commits do not wait for the disk), all flushed.
     */
    @Override
    public void stop() {
        running = false;
        try {
            if (!index.databaseStartedAt().equals(databaseStartedAt)) {
                LOG.log(System.Logger.Level.WARNING, "the database restarted during this run: the next start re-checks"
                        + " the whole store");
                return;
            }
            index.flushCommits();
            layout.markCleanStop();
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.WARNING, "the database is unreachable at stop ({0}): the next start re-checks"
                    + " the whole store", unreachable.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listeners, so that no store is in progress while temporary files are removed. */
    @Override
    public int getPhase() {
        return SystemPhases.LISTENERS - 100;
    }
}
