package io.hounsfield.archive.index;

/**
 * What became of one C-STORE: stored (possibly replacing {@code replaced}, possibly quarantined), kept (a duplicate
 * whose stored copy {@code kept} stays; {@code differs} when the new copy's data set is not the stored one), or
 * rejected with a reason.
 */
public record StoreOutcome(Kind kind, IndexEntry entry, StoredInstance replaced, StoredInstance kept, boolean differs,
        String quarantineReason, String rejection) {

    public enum Kind { STORED, KEPT, REJECTED }

    public static StoreOutcome stored(IndexEntry entry, StoredInstance replaced, String quarantineReason) {
        return new StoreOutcome(Kind.STORED, entry, replaced, null, false, quarantineReason, null);
    }

    public static StoreOutcome kept(IndexEntry entry, StoredInstance existing) {
        return new StoreOutcome(Kind.KEPT, entry, null, existing, false, existing.quarantineReason(), null);
    }

    public static StoreOutcome rejected(String reason) {
        return new StoreOutcome(Kind.REJECTED, null, null, null, false, null, reason);
    }

    /** This kept outcome, noting that the discarded copy differed from the stored one. */
    public StoreOutcome differing() {
        return new StoreOutcome(kind, entry, replaced, kept, true, quarantineReason, rejection);
    }

    /** A resend whose content differs from the stored copy, which was kept. */
    public boolean keptDiffering() {
        return kind == Kind.KEPT && differs;
    }
}
