package io.hounsfield.archive;

import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.net.service.StoreRequest;
import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a received instance into the archive (PS3.4 §B.2.3: success only once it is safe): the data set is streamed
 * to a temporary file and fsync'ed, then, holding the instance's lock, renamed atomically into place, its directory
 * fsync'ed and the index rows written in the same transaction. A re-sent instance keeps the stored copy or replaces
 * it, as configured; concurrent stores of one instance are serialized by the lock.
 */
@Component
class Ingest {
    private final StoreLayout layout;
    private final ArchiveIndex index;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final IdentityCheck identity;
    private final ApplicationEventPublisher events;

    Ingest(StoreLayout layout, ArchiveIndex index, TransactionTemplate transactions, ArchiveProperties properties,
            IdentityCheck identity, ApplicationEventPublisher events) {
        this.events = events;
        this.layout = layout;
        this.index = index;
        this.transactions = transactions;
        this.properties = properties;
        this.identity = identity;
    }

    /** Receives and stores; a data set that cannot be read raises {@link io.hounsfield.dicom.io.DicomParseException}. */
    StoreOutcome store(StoreRequest request, InputStream dataset) throws IOException {
        return store(request, dataset, request.association().callingAeTitle(), null);
    }

    /**
     * Like {@link #store(StoreRequest, InputStream)}, with the source the index records, and, unless {@code null},
     * the Study Instance UID the data set must have (STOW-RS to one study, PS3.18 §10.5).
     */
    StoreOutcome store(StoreRequest request, InputStream dataset, String source, String requiredStudyUid)
            throws IOException {
        ReceivedInstance received = Receiver.receive(request, dataset, layout.newTemporaryFile());
        try {
            String problem = problemWith(request, received);
            if (problem == null && requiredStudyUid != null
                    && !requiredStudyUid.equals(strip(received.header().getString(Tags.StudyInstanceUID)))) {
                problem = "Study Instance UID differs from the study stored to (" + requiredStudyUid + ")";
            }
            if (problem != null) {
                return StoreOutcome.rejected(problem);
            }
            return place(received, source);
        } finally {
            Files.deleteIfExists(received.temporaryFile());
        }
    }

    private static String problemWith(StoreRequest request, ReceivedInstance received) {
        String sopInstanceUid = received.header().getString(Tags.SOPInstanceUID);
        if (sopInstanceUid == null || !sopInstanceUid.strip().equals(request.sopInstanceUid().strip())) {
            return "SOP Instance UID of the data set differs from the announced one (C-STORE request or File Meta)";
        }
        String studyUid = received.header().getString(Tags.StudyInstanceUID);
        String seriesUid = received.header().getString(Tags.SeriesInstanceUID);
        if (!StoreLayout.isUid(strip(studyUid)) || !StoreLayout.isUid(strip(seriesUid))
                || !StoreLayout.isUid(sopInstanceUid.strip())) {
            return "Study, Series or SOP Instance UID missing or not a valid UID";
        }
        return null;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private StoreOutcome place(ReceivedInstance received, String sourceAeTitle) {
        String relative = StoreLayout.relativePath(received.header().getString(Tags.StudyInstanceUID).strip(),
                received.header().getString(Tags.SeriesInstanceUID).strip(),
                received.header().getString(Tags.SOPInstanceUID).strip());
        IndexEntry entry = IndexEntry.of(received, relative, sourceAeTitle);
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
            events.publishEvent(new InstanceStored(entry.study().studyInstanceUid(),
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
