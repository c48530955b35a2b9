package io.hounsfield.archive.events;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that act and then look at what a subscriber did: waits until the dispatcher has given the named
 * consumer every event recorded so far. Delivery follows the commit on another thread; waiting for the consumer's
 * position, not for a time, keeps such tests free of the clock.
 */
public final class DeliveredEvents {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private DeliveredEvents() {
    }

    /** Waits for {@code consumer} to have every event recorded before this call. */
    public static void await(JdbcClient jdbc, String consumer) throws InterruptedException {
        long newest = jdbc.sql("SELECT coalesce(max(id), 0) FROM archive_event").query(Long.class).single();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!deliveredUpTo(jdbc, consumer, newest)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(consumer + " did not get the archive events up to id " + newest + " within "
                        + PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    /** The exam workflow's position, as {@code worklist.StoredImageWorkflow} names it. */
    public static void awaitExamWorkflow(JdbcClient jdbc) throws InterruptedException {
        await(jdbc, "worklist.first-image-starts-exam");
    }

    private static boolean deliveredUpTo(JdbcClient jdbc, String consumer, long newestId) {
        return jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM archive_event WHERE id <= ? AND seq IS NULL)
                    AND coalesce((SELECT max(seq) FROM archive_event WHERE id <= ?), 0)
                        <= coalesce((SELECT position FROM archive_event_consumer WHERE name = ?), -1)""")
                .params(newestId, newestId, consumer).query(Boolean.class).optional().orElse(false);
    }
}
