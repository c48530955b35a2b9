package io.hounsfield.exam;

import java.time.Instant;

/**
 * One step of an exam's history: who moved it, when, and why. An entry with an {@code event} records
 * something that happened without a change of state (a hold placed or lifted, an order corrected).
 */
public record ExamTransition(ExamState from, ExamState to, Instant at, String actor, String reason,
        HistoryEvent event) {

    /** What the history shows in bold: the event, or the state the exam moved to. */
    public String what() {
        return event != null ? event.label() : IllegalTransitionException.plainState(to);
    }
}
