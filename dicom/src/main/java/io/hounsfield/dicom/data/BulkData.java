package io.hounsfield.dicom.data;

import java.nio.file.Path;

/**
 * A value left in its file rather than in memory: {@code length} bytes at {@code offset} of {@code file}, in the byte
 * order of the file's transfer syntax (little endian unless {@code bigEndian}).
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {
    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
    }
}
