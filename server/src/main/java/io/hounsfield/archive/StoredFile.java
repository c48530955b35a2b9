package io.hounsfield.archive;

import java.nio.file.Path;

/** The file of a visible stored instance, as received (PS3.10), in the transfer syntax it came in. */
public record StoredFile(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String sopClassUid, String transferSyntaxUid, Path file) {
}
