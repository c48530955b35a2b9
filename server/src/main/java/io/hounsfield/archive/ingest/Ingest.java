package io.hounsfield.archive.ingest;

import io.hounsfield.archive.ArchiveProperties;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.events.ArchiveEvents;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.archive.index.InstanceKeys;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.net.service.StoreRequest;
import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a received instance into the archive (PS3.4 §B.2.3: success only once it is safe): the data set is streamed
 * to a temporary file and fsync'ed, then, holding the instance's lock, renamed atomically into place, its directory
 * fsync'ed and the index rows written in the same transaction. A re-sent instance keeps the stored copy or replaces
 * it, as configured (a kept one is compared with the stored copy, so a resend with other content can be reported);
 * concurrent stores of one instance are serialized by the lock.
 */
@Component
public class Ingest {
    private final StoreLayout layout;
    private final ArchiveIndex index;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final IdentityCheck identity;
    private final ArchiveEvents events;

    public Ingest(StoreLayout layout, ArchiveIndex index, TransactionTemplate transactions, ArchiveProperties properties,
            IdentityCheck identity, ArchiveEvents events) {
        this.events = events;
        this.layout = layout;
        this.index = index;
        this.transactions = transactions;
        this.properties = properties;
        this.identity = identity;
    }

    /** Receives and stores; a data set that cannot be read raises {@link io.hounsfield.dicom.io.DicomParseException}. */
    public StoreOutcome store(StoreRequest request, InputStream dataset) throws IOException {
        return store(request, dataset, request.association().callingAeTitle(), null);
    }

    /**
     * Like {@link #store(StoreRequest, InputStream)}, with the source the index records, and, unless {@code null},
     * the Study Instance UID the data set must have (STOW-RS to one study, PS3.18 §10.5).
     */
    public StoreOutcome store(StoreRequest request, InputStream dataset, String source, String requiredStudyUid)
            throws IOException {
        ReceivedInstance received = Receiver.receive(request, dataset, layout.newTemporaryFile(),
                properties.limits().readOptions());
        try {
            InstanceKeys keys;
            try {
                keys = InstanceKeys.of(received.header(), request.sopClassUid(), request.sopInstanceUid(),
                        request.transferSyntaxUid());
            } catch (InstanceKeys.Unusable e) {
                return StoreOutcome.rejected(e.getMessage());
            }
            if (requiredStudyUid != null && !requiredStudyUid.equals(keys.studyInstanceUid())) {
                return StoreOutcome.rejected("Study Instance UID differs from the study stored to ("
                        + requiredStudyUid + ")");
            }
            StoreOutcome outcome = place(received, keys, source);
            if (outcome.kind() == StoreOutcome.Kind.KEPT
                    && !SameContent.sameDataset(layout.resolve(outcome.kept().filePath()), received.temporaryFile())) {
                return outcome.differing();
            }
            return outcome;
        } finally {
            Files.deleteIfExists(received.temporaryFile());
        }
    }

    /** Looks the duplicate up by the very keys the file's path is made of ({@link InstanceKeys}). */
    private StoreOutcome place(ReceivedInstance received, InstanceKeys keys, String sourceAeTitle) {
        String relative = keys.relativePath();
        IndexEntry entry = IndexEntry.of(received.header(), keys, relative, received.fileSize(), sourceAeTitle);
        Path target = layout.resolve(relative);
        StoreOutcome outcome = transactions.execute(status -> {
            index.commitWithoutWaitingForDisk();
            Optional<StoredInstance> existing = index.lockInstance(entry.instance().sopInstanceUid());
            if (existing.isPresent() && properties.duplicates() == ArchiveProperties.DuplicatePolicy.KEEP) {
                return StoreOutcome.kept(entry, existing.get());
            }
            String quarantine = identity.problemWith(entry.study());
            moveIntoPlace(received.temporaryFile(), target, existing.isEmpty());
            index.index(entry, quarantine);
            existing.ifPresent(replaced -> index.removeIfEmpty(replaced.seriesInstanceUid()));
            events.append(new InstanceStored(entry.study().studyInstanceUid(),
                    entry.series().seriesInstanceUid(), entry.instance().sopInstanceUid(),
                    entry.study().accessionNumber(), sourceAeTitle, quarantine != null));
            return StoreOutcome.stored(entry, existing.orElse(null), quarantine);
        });
        removeReplacedFile(outcome, relative);
        return outcome;
    }

    private void moveIntoPlace(Path temporaryFile, Path target, boolean deleteOnFailure) {
        try {
            createDirectories(target.getParent());
            Files.move(temporaryFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            StoreLayout.forceDirectory(target.getParent());
        } catch (IOException e) {
            if (deleteOnFailure) {
                deleteQuietly(target);
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the study and series directories, fsync'ing each parent that got a new entry. */
    private void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createDirectories(directory.getParent());
        Files.createDirectories(directory, DataDirectory.ownerOnlyDirectory());
        StoreLayout.forceDirectory(directory.getParent());
    }

    private void removeReplacedFile(StoreOutcome outcome, String relative) {
        StoredInstance replaced = outcome.replaced();
        if (replaced != null && !replaced.filePath().equals(relative)) {
            deleteQuietly(layout.resolve(replaced.filePath()));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for recovery at the next start
        }
    }
}
