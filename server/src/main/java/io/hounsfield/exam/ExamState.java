package io.hounsfield.exam;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an exam stands, from the order to the radiologist. Each state names the states it may move
 * to; anything else is refused.
 */
public enum ExamState {
    SCHEDULED("Scheduled"),
    ARRIVED("Checked in"),
    VERIFIED("Verified"),
    IN_PROGRESS("In progress"),
    ACQUIRED("Images acquired"),
    QC_APPROVED("Quality checked"),
    RELEASED("Released for reading"),
    CANCELLED("Cancelled"),
    DISCONTINUED("Discontinued");

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

    private final String label;
    private Set<ExamState> next;

    ExamState(String label) {
        this.label = label;
    }

    /** The state in words, as staff see it on the pages. */
    public String label() {
        return label;
    }

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
