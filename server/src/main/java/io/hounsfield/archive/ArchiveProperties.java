package io.hounsfield.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hounsfield.archive.*} settings.
 *
 * @param duplicates what a C-STORE of an instance already stored does: {@code KEEP} the stored file (the new copy is
 *     discarded, the store still succeeds) or {@code REPLACE} it with the new copy
 * @param maxQueryMatches a C-FIND with more matches is refused (A700, "narrow the query") rather than cut short
 */
@ConfigurationProperties("hounsfield.archive")
record ArchiveProperties(@DefaultValue("KEEP") DuplicatePolicy duplicates,
        @DefaultValue("5000") int maxQueryMatches) {

    enum DuplicatePolicy { KEEP, REPLACE }
}
