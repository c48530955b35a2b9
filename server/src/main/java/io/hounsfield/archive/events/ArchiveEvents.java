package io.hounsfield.archive.events;

import io.hounsfield.archive.InstanceStored;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records archive events in the transaction of the change they report (the outbox), and wakes the dispatcher once
 * that transaction has committed. A rolled-back store leaves no event; a committed one always has its event, even if
 * the server dies before the dispatcher runs.
 */
@Component
public class ArchiveEvents {
    private final EventLog log;
    private final DeliveryWakeUp wakeUp;

    ArchiveEvents(EventLog log, DeliveryWakeUp wakeUp) {
        this.log = log;
        this.wakeUp = wakeUp;
    }

    /** Call inside the transaction that indexed the instance. */
    public void append(InstanceStored stored) {
        log.append(stored);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeUp);
        } else {
            wakeUp.wake();
        }
    }
}
