package io.hounsfield.archive;

/** An instance as indexed: where its file is and what it is. */
record StoredInstance(long id, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        String sopClassUid, String transferSyntaxUid, String filePath, String quarantineReason) {
}
