package io.hounsfield.archive.events;

import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.system.RunMode;
import io.hounsfield.system.SystemPhases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox to its consumers on one thread: woken after each commit that recorded events, and every poll
 * interval to take what a crash left, retry failed consumers and let quiet studies quiesce. Each round first numbers
 * the new events, then gives each consumer the events after its position, in order.
 *
 * <p>A consumer's batch runs in one transaction that locks its position (so that one server at a time delivers to
 * it), with a savepoint per event: an event that fails is rolled back alone, the position moves past the events
 * before it, and the consumer pauses (doubling, up to a limit) while the others go on. At least once: a crash before
 * that commit delivers the batch again.
 */
@Component
class EventDispatcher implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());
    static final int BATCH = 200;

    private final EventLog log;
    private final EventProperties settings;
    private final DeliveryWakeUp wakeUp;
    private final StudyQuiescence quiescence;
    private final ObjectProvider<ArchiveEventSubscriber> subscribers;
    private final RunMode runMode;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private volatile List<ChangeConsumer> consumers = List.of();
    private volatile Thread thread;
    private volatile boolean stopping;

    EventDispatcher(EventLog log, EventProperties settings, DeliveryWakeUp wakeUp, StudyQuiescence quiescence,
            ObjectProvider<ArchiveEventSubscriber> subscribers, RunMode runMode, PlatformTransactionManager manager) {
        this.log = log;
        this.settings = settings;
        this.wakeUp = wakeUp;
        this.quiescence = quiescence;
        this.subscribers = subscribers;
        this.runMode = runMode;
        this.transaction = new TransactionTemplate(manager);
        this.savepoint = new TransactionTemplate(manager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void start() {
        registerConsumers();
        if (settings.deliveryPaused()) {
            LOG.log(System.Logger.Level.WARNING, "archive event delivery is paused "
                    + "(hounsfield.archive.events.delivery-paused): events are recorded, not delivered");
        }
        stopping = false;
        Thread dispatcher = new Thread(this::run, "archive-events");
        dispatcher.setDaemon(true);
        thread = dispatcher;
        dispatcher.start();
    }

    /** The consumers: the archive's own, then the subscriber beans; one not seen before starts at the first event. */
    void registerConsumers() {
        List<ChangeConsumer> all = new ArrayList<>();
        all.add(quiescence);
        subscribers.orderedStream().map(ChangeConsumer::of).forEach(all::add);
        Set<String> names = new HashSet<>();
        for (ChangeConsumer consumer : all) {
            if (!names.add(consumer.name())) {
                throw new IllegalStateException("two archive event subscribers are named " + consumer.name());
            }
            log.register(consumer.name());
        }
        consumers = List.copyOf(all);
    }

    private void run() {
        while (!stopping) {
            try {
                deliverAll();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "archive events: delivery round failed, retried at the next poll: "
                        + e);
            }
            try {
                wakeUp.await(settings.pollInterval().toMillis());
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    /** Rounds until every consumer is up to date or waiting out a failure; a round of its own each time. */
    void deliverAll() {
        boolean more = true;
        while (more && !stopping) {
            more = number();
            if (settings.deliveryPaused()) {
                return;
            }
            boolean quiescenceUpToDate = true;
            for (ChangeConsumer consumer : consumers) {
                Batch batch = deliver(consumer);
                more |= batch.full();
                if (consumer == quiescence) {
                    quiescenceUpToDate = batch.upToDate();
                }
            }
            if (quiescenceUpToDate) {
                Integer quiet = transaction.execute(status -> quiescence.recordQuietStudies());
                more |= quiet != null && quiet > 0;
            }
        }
    }

    private boolean number() {
        Integer numbered = transaction.execute(status -> log.numberNewEvents(BATCH));
        return numbered != null && numbered == BATCH;
    }

    /** What one batch did: whether it was full (more may wait), and whether the consumer is now up to date. */
    record Batch(boolean full, boolean upToDate) {
        static final Batch NOT_DUE = new Batch(false, false);
    }

    private Batch deliver(ChangeConsumer consumer) {
        return transaction.execute(status -> {
            Optional<EventLog.Position> position = log.lockIfDue(consumer.name());
            if (position.isEmpty()) {
                return Batch.NOT_DUE;
            }
            List<Change> changes = log.after(position.get().seq(), BATCH);
            long delivered = position.get().seq();
            for (Change change : changes) {
                try {
                    savepoint.executeWithoutResult(nested -> consumer.accept(change));
                    delivered = change.seq();
                } catch (RuntimeException e) {
                    int attempts = position.get().attempts() + 1;
                    var pause = settings.pauseAfter(attempts);
                    LOG.log(System.Logger.Level.WARNING, "archive event {0} ({1}, study {2}) failed in {3} (attempt "
                            + "{4}); tried again in {5}: {6}", change.seq(), change.type(), change.studyInstanceUid(),
                            consumer.name(), attempts, pause, e.toString());
                    log.failed(consumer.name(), delivered, String.valueOf(e.getMessage()), pause);
                    return new Batch(false, false);
                }
            }
            if (delivered != position.get().seq() || position.get().attempts() > 0) {
                log.delivered(consumer.name(), delivered);
            }
            boolean full = changes.size() == BATCH;
            return new Batch(full, !full);
        });
    }

    @Override
    public void stop() {
        Thread dispatcher = thread;
        thread = null;
        stopping = true;
        if (dispatcher != null) {
            wakeUp.wake();
            try {
                dispatcher.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** A command run delivers nothing: it must not act on the exams while the server is stopped. */
    @Override
    public boolean isAutoStartup() {
        return runMode.serving();
    }

    /** After store recovery (whose re-indexed files have their events), before the listeners. */
    @Override
    public int getPhase() {
        return SystemPhases.LISTENERS - 50;
    }
}
