package io.hounsfield.archive;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Small generated CT studies written with the toolkit's writer, with fresh UIDs each run. */
public final class TestStudies {
    private TestStudies() {
    }

    public static String newUid() {
        UUID uuid = UUID.randomUUID();
        BigInteger value = new BigInteger(1, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** A study of the given patient: what every instance of it shares. */
    public record Study(String studyUid, String patientId, String patientName, String accessionNumber, String studyDate,
            String modality) {
        public static Study of(String patientId, String patientName, String accessionNumber, String studyDate) {
            return new Study(newUid(), patientId, patientName, accessionNumber, studyDate, "CT");
        }
    }

    public static Attributes image(Study study, String seriesUid, int seriesNumber, int instanceNumber) {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, newUid());
        dataset.setString(Tags.StudyDate, VR.DA, study.studyDate());
        dataset.setString(Tags.StudyTime, VR.TM, "101500");
        dataset.setString(Tags.SeriesDate, VR.DA, study.studyDate());
        dataset.setString(Tags.SeriesTime, VR.TM, "101700");
        dataset.setString(Tags.AccessionNumber, VR.SH, study.accessionNumber());
        dataset.setString(Tags.Modality, VR.CS, study.modality());
        dataset.setString(Tags.StudyDescription, VR.LO, "CT HEAD");
        dataset.setString(Tags.PatientName, VR.PN, study.patientName());
        dataset.setString(Tags.PatientID, VR.LO, study.patientId());
        dataset.setString(Tags.PatientBirthDate, VR.DA, "19700101");
        dataset.setString(Tags.PatientSex, VR.CS, "F");
        dataset.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        dataset.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
        dataset.setString(Tags.StudyID, VR.SH, "1");
        dataset.setInts(Tags.SeriesNumber, VR.IS, seriesNumber);
        dataset.setInts(Tags.InstanceNumber, VR.IS, instanceNumber);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dataset.setInts(Tags.Rows, VR.US, 16);
        dataset.setInts(Tags.Columns, VR.US, 16);
        dataset.setInts(Tags.BitsAllocated, VR.US, 16);
        dataset.setInts(Tags.BitsStored, VR.US, 12);
        dataset.setInts(Tags.HighBit, VR.US, 11);
        dataset.setInts(Tags.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) (i * 7 + instanceNumber);
            pixels[i + 1] = (byte) ((i >> 4) & 0x0F);
        }
        dataset.setValue(Tags.PixelData, VR.OW, pixels);
        return dataset;
    }

    /** Writes {@code series} series of {@code perSeries} images of {@code study} into {@code dir}. */
    public static List<Path> write(Path dir, Study study, int series, int perSeries, TransferSyntax syntax)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int s = 1; s <= series; s++) {
            String seriesUid = newUid();
            for (int i = 1; i <= perSeries; i++) {
                Attributes image = image(study, seriesUid, s, i);
                Path file = dir.resolve(image.getString(Tags.SOPInstanceUID) + ".dcm");
                Part10.write(file, image, syntax);
                files.add(file);
            }
        }
        return files;
    }

    /** The encoded data set of a DICOM file: the bytes after the File Meta Information (PS3.10 §7.1). */
    public static byte[] datasetBytes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(132) != 0x00000002 || bytes[136] != 'U' || bytes[137] != 'L') {
            throw new IOException(file + ": File Meta Information does not start with its group length");
        }
        int groupLength = buffer.getInt(140);
        return Arrays.copyOfRange(bytes, 144 + groupLength, bytes.length);
    }
}
