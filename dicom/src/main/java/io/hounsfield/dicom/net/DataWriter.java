package io.hounsfield.dicom.net;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a data set, encoded in the given transfer syntax, to the P-DATA stream of a DIMSE message. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out, String transferSyntaxUid) throws IOException;
}
