package io.hounsfield.archive.ingest;

import io.hounsfield.archive.ArchiveProperties;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.events.ArchiveEvents;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.archive.index.IndexedRows;
import io.hounsfield.archive.index.InstanceKeys;
import io.hounsfield.archive.index.StoreOutcome;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.archive.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one ingest pipeline, whatever the door ({@link IncomingInstance}). It puts a received instance into the archive
 * (PS3.4 §B.2.3: success only once it is safe): the data set is streamed to a temporary file while it is parsed, then,
 * holding the instance's lock, the store makes it durable under its key and the index rows and the audit line are
 * written in the same transaction. A re-sent instance keeps the stored copy or replaces it, as configured (a kept one
 * is compared with the stored copy, so a resend with other content can be reported); concurrent stores of one
 * instance are serialized by the lock. What the session already checked (identity, study and series rows) is not
 * checked again for its next instance.
 */
@Component
public class Ingest {
    private final StoreLayout layout;
    private final InstanceStore store;
    private final ArchiveIndex index;
    private final TransactionTemplate transactions;
    private final ArchiveProperties properties;
    private final IdentityCheck identity;
    private final ArchiveAudit audit;
    private final ArchiveEvents events;

    Ingest(StoreLayout layout, InstanceStore store, ArchiveIndex index, TransactionTemplate transactions,
            ArchiveProperties properties, IdentityCheck identity, ArchiveAudit audit, ArchiveEvents events) {
        this.layout = layout;
        this.store = store;
        this.index = index;
        this.transactions = transactions;
        this.properties = properties;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
    }

    /** Receives and stores; a data set that cannot be read raises {@link io.hounsfield.dicom.io.DicomParseException}. */
    StoreOutcome store(IncomingInstance incoming) throws IOException {
        ReceivedInstance received = Receiver.receive(incoming, layout.newTemporaryFile(),
                properties.limits().readOptions());
        try {
            InstanceKeys keys;
            try {
                keys = InstanceKeys.of(received.header(), incoming.sopClassUid(), incoming.sopInstanceUid(),
                        incoming.transferSyntaxUid());
            } catch (InstanceKeys.Unusable e) {
                return StoreOutcome.rejected(e.getMessage());
            }
            String requiredStudyUid = incoming.requiredStudyUid();
            if (requiredStudyUid != null && !requiredStudyUid.equals(keys.studyInstanceUid())) {
                return StoreOutcome.rejected("Study Instance UID differs from the study stored to ("
                        + requiredStudyUid + ")");
            }
            IndexEntry entry = IndexEntry.of(received.header(), keys, keys.relativePath(), received.fileSize(),
                    incoming.source());
            StoreOutcome outcome;
            try {
                outcome = place(incoming, received, entry);
            } catch (DataIntegrityViolationException e) {
                if (!incoming.session().forget()) {
                    throw e;
                }
                outcome = place(incoming, received, entry);
            }
            if (outcome.kind() == StoreOutcome.Kind.KEPT && !sameContent(outcome.kept(), received)) {
                return outcome.differing();
            }
            return outcome;
        } finally {
            Files.deleteIfExists(received.temporaryFile());
        }
    }

    /**
     * Indexes first and stores last, in one transaction: a failure of either leaves neither (a stale row the session
     * remembered fails the insert before anything is stored, and the caller tries once more without it).
     */
    private StoreOutcome place(IncomingInstance incoming, ReceivedInstance received, IndexEntry entry) {
        String key = entry.instance().filePath();
        Placed placed = transactions.execute(status -> {
            String quarantine = incoming.session().quarantineReason(entry.study(), identity);
            if (index.indexNewInstance(entry, quarantine, incoming.session().rows())) {
                return stored(incoming, received, entry, StoreOutcome.stored(entry, null, quarantine), null);
            }
            Optional<StoredInstance> existing = index.lockInstanceForIngest(entry.instance().sopInstanceUid());
            if (existing.isPresent() && properties.duplicates() == ArchiveProperties.DuplicatePolicy.KEEP) {
                return new Placed(StoreOutcome.kept(entry, existing.get()), null);
            }
            IndexedRows.Written written = index.index(entry, quarantine, incoming.session().rows());
            existing.ifPresent(replaced -> index.removeIfEmpty(replaced.seriesInstanceUid()));
            return stored(incoming, received, entry, StoreOutcome.stored(entry, existing.orElse(null), quarantine),
                    written);
        });
        if (placed.written() != null) {
            incoming.session().rows().wrote(placed.written());
        }
        removeReplacedObject(placed.outcome(), key);
        return placed.outcome();
    }

    /** The rest of a store once its rows are written: the audit line, the event, and last the store's put. */
    private Placed stored(IncomingInstance incoming, ReceivedInstance received, IndexEntry entry, StoreOutcome stored,
            IndexedRows.Written written) {
        audit.stored(incoming.actor(), stored, incoming.session().firstOfStudy(entry.study().studyInstanceUid()),
                incoming.session().name());
        events.append(new InstanceStored(entry.study().studyInstanceUid(), entry.series().seriesInstanceUid(),
                entry.instance().sopInstanceUid(), entry.study().accessionNumber(), incoming.source(),
                stored.quarantineReason() != null));
        put(entry.instance().filePath(), received);
        return new Placed(stored, written);
    }

    /** What a transaction of {@link #place} did: the outcome, and the rows it wrote, if it stored. */
    private record Placed(StoreOutcome outcome, IndexedRows.Written written) {
    }

    private void put(String key, ReceivedInstance received) {
        try {
            store.put(key, received.temporaryFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean sameContent(StoredInstance kept, ReceivedInstance received) throws IOException {
        return SameContent.sameDataset(store.localCopy(kept.filePath()), received.temporaryFile());
    }

    private void removeReplacedObject(StoreOutcome outcome, String key) {
        StoredInstance replaced = outcome.replaced();
        if (replaced != null && !replaced.filePath().equals(key)) {
            try {
                store.delete(replaced.filePath());
            } catch (IOException e) {
                // left for verify to report
            }
        }
    }
}
