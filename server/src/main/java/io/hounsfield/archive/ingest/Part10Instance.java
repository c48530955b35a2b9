package io.hounsfield.archive.ingest;

import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;

/**
 * A DICOM file (PS3.10 §7.1) as an {@link IncomingInstance}: the SOP Class and Instance UIDs and the transfer syntax
 * are those of its File Meta Information, the data set the rest of the file.
 */
final class Part10Instance {
    private Part10Instance() {
    }

    /** The instance whose data set {@code opened.reader()} is positioned at. */
    static IncomingInstance of(Part10.Opened opened, IngestSession session, Actor actor, String sourceAeTitle,
            String source, String requiredStudyUid) throws DicomParseException {
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
        return new IncomingInstance(session, actor, sourceAeTitle, source, sopClassUid.strip(), sopInstanceUid.strip(),
                syntax, requiredStudyUid, opened.reader().remainingInput());
    }
}
