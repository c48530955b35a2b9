package io.hounsfield.archive;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.system.SystemPhases;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the store and its index back in line after a crash, before the DICOM listener opens: temporary files of
 * stores that never finished are deleted (their senders got no success), and files that were renamed into place
 * but whose index rows were never committed are indexed now.
 */
@Component
class StoreRecovery implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(StoreRecovery.class.getName());

    private final StoreLayout layout;
    private final ArchiveIndex index;
    private final IdentityCheck identity;
    private final TransactionTemplate transactions;
    private volatile boolean running;

    StoreRecovery(StoreLayout layout, ArchiveIndex index, IdentityCheck identity, TransactionTemplate transactions) {
        this.layout = layout;
        this.index = index;
        this.identity = identity;
        this.transactions = transactions;
    }

    /** What one recovery did. */
    record Result(int temporaryFilesRemoved, int filesIndexed, int filesUnreadable) {
    }

    @Override
    public void start() {
        Result result = recover();
        LOG.log(System.Logger.Level.INFO, "store recovery: {0} temporary files removed, {1} files re-indexed, "
                + "{2} unreadable", result.temporaryFilesRemoved(), result.filesIndexed(), result.filesUnreadable());
        running = true;
    }

    Result recover() {
        try {
            int removed = removeTemporaryFiles();
            int indexed = 0;
            int unreadable = 0;
            for (Path file : instanceFiles()) {
                String relative = layout.root().relativize(file).toString().replace('\\', '/');
                if (index.containsFile(relative)) {
                    continue;
                }
                if (reindex(file, relative)) {
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

    private int removeTemporaryFiles() throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(layout.incoming())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(StoreLayout.TEMPORARY_SUFFIX))
                    .toList()) {
                Files.deleteIfExists(file);
                removed++;
            }
        }
        return removed;
    }

    private List<Path> instanceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(layout.root(), 3)) {
            return files.filter(file -> !file.startsWith(layout.incoming()) && Files.isRegularFile(file)
                    && file.getFileName().toString().endsWith(".dcm")).toList();
        }
    }

    private boolean reindex(Path file, String relative) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT.withStopAtPixelData(true));
            Attributes header = opened.reader().readDataset();
            String sopClassUid = header.getString(Tags.SOPClassUID);
            ReceivedInstance received = new ReceivedInstance(file, header, Files.size(file),
                    sopClassUid == null ? "" : sopClassUid.strip(), opened.transferSyntax().uid());
            IndexEntry entry = IndexEntry.of(received, relative, opened.fileMeta().getString(0x00020016) == null ? ""
                    : opened.fileMeta().getString(0x00020016).strip());
            if (!relative.equals(StoreLayout.relativePath(entry.study().studyInstanceUid(),
                    entry.series().seriesInstanceUid(), entry.instance().sopInstanceUid()))) {
                throw new IOException("file is not where its UIDs say it belongs");
            }
            return Boolean.TRUE.equals(transactions.execute(status -> {
                if (index.lockInstance(entry.instance().sopInstanceUid()).isPresent()) {
                    LOG.log(System.Logger.Level.WARNING, "store recovery: {0} is a stale copy of an instance indexed "
                            + "elsewhere", file);
                    return false;
                }
                index.index(entry, identity.problemWith(entry.study()));
                return true;
            }));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "store recovery: {0} not indexed: {1}", file, e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        running = false;
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
