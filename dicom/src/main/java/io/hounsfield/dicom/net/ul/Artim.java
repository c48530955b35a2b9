package io.hounsfield.dicom.net.ul;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The Association Request/Reject/Release Timer (PS3.8 §9.1.5): on expiry it runs the given action (Evt18). */
public final class Artim {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dicom-artim");
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
        running = TIMERS.schedule(onExpiry, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
