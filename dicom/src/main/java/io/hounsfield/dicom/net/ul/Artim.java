package io.hounsfield.dicom.net.ul;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Association Request/Reject/Release Timer (PS3.8 §9.1.5): on expiry it runs the given action (Evt18). The one
 * timer thread only hands expiries on: the action waits for its connection's state lock, and a connection stuck in a
 * write must not delay the expiry of every other.
 */
public final class Artim {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dicom-artim");
        thread.setDaemon(true);
        return thread;
    });
    private static final ExecutorService EXPIRIES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dicom-artim-expiry");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;
    private final Runnable onExpiry;
    private ScheduledFuture<?> running;

    public Artim(Duration timeout, Runnable onExpiry) {
        this.timeout = timeout;
        this.onExpiry = onExpiry;
    }

    /** Starts, or restarts, the timer. */
    public synchronized void start() {
        stop();
        running = TIMERS.schedule(() -> EXPIRIES.execute(onExpiry), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
