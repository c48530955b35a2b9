package io.hounsfield.dicom.net.it;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated CT images written with our own writer. */
public final class TestImages {
    private TestImages() {
    }

    public static Attributes ct(String patientId, String patientName, int study, int series, int instance, int size) {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, "2.25.1" + patientId.hashCode() % 1000 + "." + study + "." + series + "." + instance);
        dataset.setString(Tags.StudyDate, VR.DA, "20260101");
        dataset.setString(Tags.AccessionNumber, VR.SH, "ACC" + study);
        dataset.setString(Tags.Modality, VR.CS, "CT");
        dataset.setString(Tags.PatientName, VR.PN, patientName);
        dataset.setString(Tags.PatientID, VR.LO, patientId);
        dataset.setString(Tags.PatientBirthDate, VR.DA, "19700101");
        dataset.setString(Tags.PatientSex, VR.CS, "O");
        dataset.setString(Tags.StudyInstanceUID, VR.UI, "2.25.2" + Math.abs(patientId.hashCode() % 1000) + "." + study);
        dataset.setString(Tags.SeriesInstanceUID, VR.UI, "2.25.3" + Math.abs(patientId.hashCode() % 1000) + "." + study + "." + series);
        dataset.setString(Tags.StudyID, VR.SH, String.valueOf(study));
        dataset.setInts(Tags.SeriesNumber, VR.IS, series);
        dataset.setInts(Tags.InstanceNumber, VR.IS, instance);
        dataset.setInts(Tags.SamplesPerPixel, VR.US, 1);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dataset.setInts(Tags.Rows, VR.US, size);
        dataset.setInts(Tags.Columns, VR.US, size);
        dataset.setInts(Tags.BitsAllocated, VR.US, 16);
        dataset.setInts(Tags.BitsStored, VR.US, 12);
        dataset.setInts(Tags.HighBit, VR.US, 11);
        dataset.setInts(Tags.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[size * size * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            int value = (i / 2 * 7 + instance) & 0x0FFF;
            pixels[i] = (byte) value;
            pixels[i + 1] = (byte) (value >> 8);
        }
        dataset.setValue(Tags.PixelData, VR.OW, pixels);
        return dataset;
    }

    /** Writes {@code count} images of one series of patient {@code patientId} into {@code dir}. */
    public static List<Path> write(Path dir, String patientId, int study, int count, int size, TransferSyntax syntax)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path file = dir.resolve(patientId + "-" + study + "-" + i + ".dcm");
            Part10.write(file, ct(patientId, "DOE^" + patientId, study, 1, i, size), syntax);
            files.add(file);
        }
        return files;
    }
}
