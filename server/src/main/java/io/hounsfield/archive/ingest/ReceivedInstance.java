package io.hounsfield.archive.ingest;

import io.hounsfield.dicom.data.Attributes;
import java.nio.file.Path;

/**
 * A data set received whole and parsed: the fsync'ed temporary DICOM file holding it, and its attributes without
 * Pixel Data.
 */
record ReceivedInstance(Path temporaryFile, Attributes header, long fileSize) {
}
