package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.Attributes;

/**
 * A DICOM file as read (PS3.10 §7): its File Meta Information (empty for a file without one), the data set and the
 * transfer syntax the data set was encoded in.
 */
public record DicomFile(Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax) {
}
