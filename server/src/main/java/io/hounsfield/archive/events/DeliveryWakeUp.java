package io.hounsfield.archive.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Tells the dispatcher that events were committed, so that it delivers them now rather than at its next poll. Wake-ups
 * that come while it works are folded into one; one registered per transaction, however many events it holds.
 */
@Component
class DeliveryWakeUp implements TransactionSynchronization {
    private final BlockingQueue<Boolean> signal = new ArrayBlockingQueue<>(1);

    @Override
    public void afterCommit() {
        wake();
    }

    void wake() {
        signal.offer(Boolean.TRUE);
    }

    /** Waits until woken or {@code millis} have passed. */
    void await(long millis) throws InterruptedException {
        signal.poll(millis, TimeUnit.MILLISECONDS);
    }
}
