package io.hounsfield.exam;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an exam stands, from the order to the radiologist. Each state names the states it may move
 * to; anything else is refused.
 */
public enum ExamState {
    SCHEDULED,
    ARRIVED,
    VERIFIED,
    IN_PROGRESS,
    ACQUIRED,
    QC_APPROVED,
    RELEASED,
    CANCELLED,
    DISCONTINUED;

    static {
        SCHEDULED.next = EnumSet.of(ARRIVED, CANCELLED);
        ARRIVED.next = EnumSet.of(VERIFIED, SCHEDULED, CANCELLED);
        VERIFIED.next = EnumSet.of(IN_PROGRESS, CANCELLED);
        IN_PROGRESS.next = EnumSet.of(ACQUIRED, DISCONTINUED);
        ACQUIRED.next = EnumSet.of(QC_APPROVED);
        QC_APPROVED.next = EnumSet.of(RELEASED);
        RELEASED.next = EnumSet.noneOf(ExamState.class);
        CANCELLED.next = EnumSet.noneOf(ExamState.class);
        DISCONTINUED.next = EnumSet.noneOf(ExamState.class);
    }

    private Set<ExamState> next;

    public boolean canMoveTo(ExamState target) {
        return next.contains(target);
    }

    public Set<ExamState> next() {
        return Set.copyOf(next);
    }

    /** Nothing more happens to the exam: it was released, cancelled or discontinued. */
    public boolean isFinal() {
        return next.isEmpty();
    }
}
