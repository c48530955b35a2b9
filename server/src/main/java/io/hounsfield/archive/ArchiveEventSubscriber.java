package io.hounsfield.archive;

/**
 * A consumer of the archive's events: any Spring bean implementing this gets every event recorded since it was
 * first seen, in the order the events were recorded (so in order per study), from one dispatcher thread.
 *
 * <p>Delivery is at least once. A method that throws is called again with the same event after a pause that grows
 * with each failure; events behind it wait, other subscribers go on. After a crash the events since the last
 * position saved are delivered again. So a subscriber must be idempotent: the same event twice must change nothing
 * the second time.
 *
 * <p>Each call runs inside the dispatcher's transaction, which also advances the subscriber's position: database
 * changes made in it (by joining that transaction, the default) commit together with the position, exactly once in
 * effect. Work outside the database (a message sent) may happen twice. A call should be quick, since subscribers
 * share the thread; hand long work to a queue of your own.
 */
public interface ArchiveEventSubscriber {

    /** Names this subscriber's position: stable across releases (renaming it starts again from the first event). */
    String name();

    default void onInstanceStored(InstanceStored stored) {
    }

    default void onStudyQuiesced(StudyQuiesced quiesced) {
    }
}
