package io.hounsfield.archive.index;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What the index keeps of one instance (the keys of PS3.4 §C.6.1.1 and §C.6.2.1 the archive matches on), read from
 * the received data set. Text is stripped and cut to its column's length; unparsable dates and numbers become
 * {@code null}.
 */
public record IndexEntry(Study study, Series series, Instance instance) {

    public record Study(String studyInstanceUid, String patientId, String issuerOfPatientId, String patientName,
            LocalDate patientBirthDate, String patientSex, LocalDate studyDate, String studyTime,
            String accessionNumber, String studyId, String studyDescription, String referringPhysicianName) {
    }

    public record Series(String seriesInstanceUid, String modality, Integer seriesNumber, String seriesDescription,
            String bodyPartExamined, LocalDate seriesDate, String seriesTime) {
    }

    public record Instance(String sopInstanceUid, String sopClassUid, Integer instanceNumber, String transferSyntaxUid,
            String filePath, long fileSize, String sourceAeTitle, Integer rows, Integer columns,
            Integer numberOfFrames, Integer bitsAllocated) {
    }

    /** The entry of an instance whose {@code keys} were checked; the UIDs are those keys, never re-read. */
    public static IndexEntry of(Attributes header, InstanceKeys keys, String filePath, long fileSize, String sourceAeTitle) {
        Study study = new Study(keys.studyInstanceUid(), text(header, Tags.PatientID, 64),
                text(header, Tags.IssuerOfPatientID, 64), text(header, Tags.PatientName, 324),
                date(header, Tags.PatientBirthDate), text(header, Tags.PatientSex, 16), date(header, Tags.StudyDate),
                text(header, Tags.StudyTime, 16), text(header, Tags.AccessionNumber, 16),
                text(header, Tags.StudyID, 16), text(header, Tags.StudyDescription, 64),
                text(header, Tags.ReferringPhysicianName, 324));
        Series series = new Series(keys.seriesInstanceUid(), text(header, Tags.Modality, 16),
                number(header, Tags.SeriesNumber), text(header, Tags.SeriesDescription, 64),
                text(header, Tags.BodyPartExamined, 16), date(header, Tags.SeriesDate),
                text(header, Tags.SeriesTime, 16));
        Instance instance = new Instance(keys.sopInstanceUid(), keys.sopClassUid(), number(header, Tags.InstanceNumber),
                keys.transferSyntaxUid(), filePath, fileSize, sourceAeTitle, unsignedShort(header, Tags.Rows),
                unsignedShort(header, Tags.Columns), number(header, Tags.NumberOfFrames),
                unsignedShort(header, Tags.BitsAllocated));
        return new IndexEntry(study, series, instance);
    }

    static String text(Attributes header, int tag, int maxLength) {
        String[] values = header.getStrings(tag);
        if (values == null || values.length == 0) {
            return "";
        }
        String value = String.join("\\", values).strip();
        return value.length() > maxLength ? value.substring(0, maxLength) : value;
    }

    static LocalDate date(Attributes header, int tag) {
        return parseDate(text(header, tag, 64));
    }

    public static LocalDate parseDate(String value) {
        String digits = value.replace(".", "");
        if (digits.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A US value (Rows, Columns, Bits Allocated), or {@code null} if absent or not one. */
    private static Integer unsignedShort(Attributes header, int tag) {
        int value = header.contains(tag) ? header.getInt(tag, -1) : -1;
        return value >= 0 && value <= 0xFFFF ? value : null;
    }

    private static Integer number(Attributes header, int tag) {
        try {
            String value = text(header, tag, 16);
            return value.isEmpty() ? null : Integer.valueOf(value.split("\\\\")[0].strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
