package io.hounsfield.archive;

import java.util.UUID;

/**
 * Instances stored together over the web, e.g. one STOW-RS request (PS3.18 §10.5): the AE title that stands for
 * the service in the files' Source Application Entity Title (PS3.10 §7.1), the user storing, a name that the audit
 * trail counts each study once for (as it does an association), and the Study Instance UID they must all have, or
 * {@code null} for any. The index records {@link #source()} as where they came from.
 */
public record StoreBatch(String aeTitle, String user, String name, String studyInstanceUid) {

    /** A batch with a fresh name. */
    public static StoreBatch of(String aeTitle, String user, String studyInstanceUid) {
        return new StoreBatch(aeTitle, user, aeTitle + " request " + UUID.randomUUID(), studyInstanceUid);
    }

    /** E.g. {@code STOW-RS tech}. */
    public String source() {
        return aeTitle + " " + user;
    }
}
