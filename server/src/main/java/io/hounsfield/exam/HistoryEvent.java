package io.hounsfield.exam;

/** Entries of an exam's history that are not changes of state. */
public enum HistoryEvent {
    HOLD_PLACED("Put on hold"),
    HOLD_LIFTED("Hold lifted"),
    HOLD_NOTE("Still on hold"),
    ORDER_CORRECTED("Order corrected");

    private final String label;

    HistoryEvent(String label) {
        this.label = label;
    }

    /** What staff read in the history. */
    public String label() {
        return label;
    }
}
