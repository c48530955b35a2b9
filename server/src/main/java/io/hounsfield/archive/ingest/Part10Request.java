package io.hounsfield.archive.ingest;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.StoreRequest;

/**
 * A DICOM file (PS3.10 §7.1) filed as if its data set came in a C-STORE: the SOP Class and Instance UIDs and the
 * transfer syntax are those of its File Meta Information.
 */
final class Part10Request {
    private Part10Request() {
    }

    /** The request for the data set that {@code opened.reader()} is positioned at. */
    static StoreRequest of(Part10.Opened opened, AssociationInfo source) throws DicomParseException {
        Attributes meta = opened.fileMeta();
        String sopClassUid = meta.getString(Tags.MediaStorageSOPClassUID);
        String sopInstanceUid = meta.getString(Tags.MediaStorageSOPInstanceUID);
        if (sopClassUid == null || sopInstanceUid == null) {
            throw new DicomParseException("no Media Storage SOP Class or Instance UID in the File Meta Information",
                    0, Tags.MediaStorageSOPClassUID);
        }
        // A deflated data set is read inflated, which is Explicit VR Little Endian (PS3.5 §A.5).
        String syntax = opened.transferSyntax().deflated() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
                : opened.transferSyntax().uid();
        return new StoreRequest(source, 0, sopClassUid.strip(), sopInstanceUid.strip(), syntax, null, 0);
    }
}
