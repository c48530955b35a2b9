package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Tag;
import java.io.IOException;

/**
 * The one failure of reading: malformed, truncated or over-limit input. Says where (byte offset in the stream and
 * tag, -1 and 0 if unknown) and what.
 */
public final class DicomParseException extends IOException {
    private final long offset;
    private final int tag;
    private final String problem;

    public DicomParseException(String problem, long offset, int tag) {
        this(problem, offset, tag, null);
    }

    public DicomParseException(String problem, long offset, int tag, Throwable cause) {
        super("at offset " + offset + (tag == 0 ? "" : ", tag " + Tag.toString(tag)) + ": " + problem, cause);
        this.offset = offset;
        this.tag = tag;
        this.problem = problem;
    }

    /** Byte offset in the input at which the problem was found. */
    public long offset() {
        return offset;
    }

    /** The tag of the element being read, or 0. */
    public int tag() {
        return tag;
    }

    public String problem() {
        return problem;
    }
}
