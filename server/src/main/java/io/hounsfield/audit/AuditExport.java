package io.hounsfield.audit;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends every audit event, once its transaction has committed, to the syslog collector configured under
 * {@code hounsfield.audit.syslog} as an IHE ATNA message. A bounded queue and one thread keep a slow or absent
 * collector from slowing anyone: when full, the oldest waiting message is dropped and the drop logged; a failed send
 * is retried after a pause. The database trail stays the record; this is its copy for the hospital's collector.
 */
@Component
class AuditExport {
    private static final System.Logger LOG = System.getLogger(AuditExport.class.getName());

    private record Pending(Instant at, String xml) {
    }

    private final SyslogProperties properties;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread sender;
    private volatile boolean running = true;

    AuditExport(SyslogProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, properties.queueCapacity()));
        if (properties.enabled()) {
            sender = new Thread(this::run, "audit-syslog");
            sender.setDaemon(true);
            sender.start();
        } else {
            sender = null;
        }
    }

    /** Queues the event after the current transaction commits (at once outside one). */
    void afterCommit(Actor actor, AuditEntry entry) {
        if (sender == null) {
            return;
        }
        Instant at = clock.instant();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now(actor, entry, at);
                }
            });
        } else {
            now(actor, entry, at);
        }
    }

    /** Queues the event whatever becomes of the current transaction: a refusal happened even if nothing changed. */
    void now(Actor actor, AuditEntry entry) {
        if (sender != null) {
            now(actor, entry, clock.instant());
        }
    }

    private void now(Actor actor, AuditEntry entry, Instant at) {
        Pending pending = new Pending(at, AuditMessage.xml(actor, entry, at, properties.sourceId()));
        while (!queue.offer(pending)) {
            if (queue.poll() != null && dropped.incrementAndGet() % 1000 == 1) {
                LOG.log(System.Logger.Level.WARNING, "audit syslog: collector {0} is behind, {1} messages dropped",
                        properties.host(), dropped.get());
            }
        }
    }

    private void run() {
        try (SyslogSender syslog = new SyslogSender(properties, hostName(), String.valueOf(ProcessHandle.current()
                .pid()))) {
            while (running) {
                Pending next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    sendUntilSent(syslog, next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendUntilSent(SyslogSender syslog, Pending message) throws InterruptedException {
        long pauseMillis = 500;
        while (running) {
            try {
                syslog.send(message.at(), message.xml());
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "audit syslog: {0}:{1} unreachable ({2}), retrying",
                        properties.host(), properties.effectivePort(), e.getMessage());
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 30_000);
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (sender != null) {
            sender.interrupt();
        }
    }
}
