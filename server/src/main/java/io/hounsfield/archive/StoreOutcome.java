package io.hounsfield.archive;

/**
 * What became of one C-STORE: stored (possibly replacing {@code replaced}, possibly quarantined), kept (a duplicate
 * whose stored copy stays), or rejected with a reason.
 */
record StoreOutcome(Kind kind, IndexEntry entry, StoredInstance replaced, String quarantineReason,
        String rejection) {

    enum Kind { STORED, KEPT, REJECTED }

    static StoreOutcome stored(IndexEntry entry, StoredInstance replaced, String quarantineReason) {
        return new StoreOutcome(Kind.STORED, entry, replaced, quarantineReason, null);
    }

    static StoreOutcome kept(IndexEntry entry, StoredInstance existing) {
        return new StoreOutcome(Kind.KEPT, entry, null, existing.quarantineReason(), null);
    }

    static StoreOutcome rejected(String reason) {
        return new StoreOutcome(Kind.REJECTED, null, null, null, reason);
    }
}
