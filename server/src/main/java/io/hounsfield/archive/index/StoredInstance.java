package io.hounsfield.archive.index;

/** An instance as indexed: where its file is and what it is. */
public record StoredInstance(long id, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String sopClassUid, String transferSyntaxUid, String filePath, String quarantineReason) {
}
