package io.hounsfield.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to write the audit trail. Every feature records each read or change of patient data
 * here, in the same transaction as the change, so that a change without its audit row cannot commit.
 */
@Service
public class AuditService {
    private static final System.Logger LOG = System.getLogger(AuditService.class.getName());

    private final AuditRepository repository;
    private final AuditExport export;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readTransaction;

    AuditService(AuditRepository repository, AuditExport export, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.export = export;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTransaction = new TransactionTemplate(transactions);
    }

    /** Records an entry for the user of the current web request (or {@link Actor#SYSTEM} outside one). */
    public void record(AuditEntry entry) {
        record(currentActor(), entry);
    }

    /**
     * Records an entry for an actor that is not a web user: a DICOM peer, an HL7 sender, a job. A success is written
     * in the caller's transaction (no change without its row); a failure or refusal is written on its own, see
     * {@link #recordFailure}.
     */
    public void record(Actor actor, AuditEntry entry) {
        if (entry.outcome() == AuditOutcome.FAILURE) {
            recordFailure(actor, entry);
            return;
        }
        repository.insert(actor, entry);
        export.afterCommit(actor, entry);
    }

    /**
     * Runs {@code read}, whose only write is the audit row of what it read (a viewer asks one image per request),
     * in a transaction that commits without waiting for the write-ahead log to reach the disk (PostgreSQL's
     * asynchronous commit, for that transaction alone): a crash within a fraction of a second after it may lose
     * that row, never a change. Called inside a transaction, it runs in that one, whose commit stays as it is.
     */
    public <T> T read(Supplier<T> read) {
        return readTransaction.execute(status -> {
            if (status.isNewTransaction()) {
                repository.commitWithoutWaitingForDisk();
            }
            return read.get();
        });
    }

    /**
     * A refusal changed nothing, so its row must outlive a rollback of the caller's transaction (the refusal is
     * often what rolls it back); and a row that cannot be written must not turn the refusal into another error: it
     * is logged and still sent to the syslog collector.
     */
    private void recordFailure(Actor actor, AuditEntry entry) {
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                ownTransaction.executeWithoutResult(status -> repository.insert(actor, entry));
            } else {
                repository.insert(actor, entry);
            }
        } catch (DataAccessException e) {
            LOG.log(System.Logger.Level.ERROR, "audit row not written ({0}): {1} by {2} from {3} on {4} {5}: {6}",
                    e.getMostSpecificCause().getMessage(), entry.action(), actor.name(), actor.sourceAddress(),
                    entry.objectType(), entry.objectId(), entry.detail());
        }
        export.now(actor, entry);
    }

    public List<AuditEvent> search(AuditQuery query) {
        return repository.search(query);
    }

    /** The id of the newest event (0 for none): pages of a search stay still if they go up to it. */
    public long newestId() {
        return repository.newestId();
    }

    /** How many events match {@code query}, all pages together. */
    public long count(AuditQuery query) {
        return repository.count(query);
    }

    /** The logged-in user with their role and address, as the audit trail names them. */
    public static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Actor(Actor.SYSTEM.name(), Actor.SYSTEM.role(), remoteAddress());
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return new Actor("anonymous", null, remoteAddress());
        }
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .findFirst()
                .orElse(null);
        return new Actor(authentication.getName(), role, remoteAddress());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
