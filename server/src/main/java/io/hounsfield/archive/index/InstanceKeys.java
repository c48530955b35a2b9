package io.hounsfield.archive.index;

import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.nio.charset.StandardCharsets;

/**
 * The keys the store and the index derive from a received instance: its Study, Series and SOP Instance UIDs, SOP
 * Class UID and transfer syntax, each read once from the element's own bytes and then used for both the duplicate
 * lookup and the file path. A UID must be one value of at most 64 characters of digits and dots (PS3.5 §9.1),
 * padded with at most one trailing NUL (PS3.5 §6.2; a trailing space is tolerated). Patient ID and Accession Number,
 * which identity checks look exams up by, must have at most one value within their VR's length (LO 64, SH 16).
 * Anything else is refused rather than cut or joined, so that two readings of one key can never differ.
 */
public record InstanceKeys(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String sopClassUid,
        String transferSyntaxUid) {

    /** Why an instance's keys cannot be used; the message is for staff and the sender. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /**
     * Reads and checks the keys of {@code header}; {@code announcedSopClassUid} and {@code announcedSopInstanceUid}
     * are those of the C-STORE request or File Meta Information, which the data set must repeat.
     */
    public static InstanceKeys of(Attributes header, String announcedSopClassUid, String announcedSopInstanceUid,
            String transferSyntaxUid) throws Unusable {
        String sopInstanceUid = uid(header, Tags.SOPInstanceUID, "SOP Instance UID");
        if (announcedSopInstanceUid == null || !sopInstanceUid.equals(announcedSopInstanceUid.strip())) {
            throw new Unusable("SOP Instance UID of the data set differs from the announced one (C-STORE request "
                    + "or File Meta)");
        }
        String sopClassUid = announced(announcedSopClassUid, "SOP Class UID");
        if (header.contains(Tags.SOPClassUID) && !uid(header, Tags.SOPClassUID, "SOP Class UID").equals(sopClassUid)) {
            throw new Unusable("SOP Class UID of the data set differs from the announced one (C-STORE request or "
                    + "File Meta)");
        }
        InstanceKeys keys = new InstanceKeys(uid(header, Tags.StudyInstanceUID, "Study Instance UID"),
                uid(header, Tags.SeriesInstanceUID, "Series Instance UID"), sopInstanceUid, sopClassUid,
                announced(transferSyntaxUid, "Transfer Syntax UID"));
        atMostOne(header, Tags.PatientID, "Patient ID", 64);
        atMostOne(header, Tags.AccessionNumber, "Accession Number", 16);
        return keys;
    }

    /** Where the instance lives in the store. */
    public String relativePath() {
        return StoreLayout.relativePath(sopInstanceUid);
    }

    private static String uid(Attributes header, int tag, String name) throws Unusable {
        byte[] bytes = header.bytes(tag);
        if (bytes == null || bytes.length == 0) {
            throw new Unusable(name + " is missing");
        }
        int length = bytes.length;
        if (bytes[length - 1] == 0 || bytes[length - 1] == ' ') {
            length--;
        }
        String value = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        if (value.indexOf('\\') >= 0) {
            throw new Unusable(name + " has more than one value");
        }
        if (!StoreLayout.isUid(value)) {
            throw new Unusable(name + " is not a valid UID (at most 64 digits and dots)");
        }
        return value;
    }

    private static String announced(String value, String name) throws Unusable {
        if (value == null || !StoreLayout.isUid(value.strip())) {
            throw new Unusable(name + " announced for the data set is not a valid UID");
        }
        return value.strip();
    }

    private static void atMostOne(Attributes header, int tag, String name, int maxLength) throws Unusable {
        String[] values = header.getStrings(tag);
        if (values.length > 1) {
            throw new Unusable(name + " has more than one value");
        }
        if (values.length == 1 && values[0].strip().length() > maxLength) {
            throw new Unusable(name + " is longer than " + maxLength + " characters");
        }
    }
}
