package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes one study with new UIDs, a new series every PER_SERIES images (default: one series): {@code ct} images are
 * 512x512 16-bit axial slices (about 0.5 MB), {@code dx} images 2000x2500 16-bit projections (about 10 MB).
 * Usage: {@code GenerateImages OUTDIR ct|dx COUNT [PATIENT_ID [PER_SERIES]]}.
 */
public final class GenerateImages {
    private GenerateImages() {
    }

    public static void main(String[] arguments) throws Exception {
        Path folder = Files.createDirectories(Path.of(arguments[0]));
        boolean ct = arguments[1].equals("ct");
        int count = Integer.parseInt(arguments[2]);
        String patientId = arguments.length > 3 ? arguments[3] : "BENCH-" + System.currentTimeMillis();
        int perSeries = arguments.length > 4 ? Integer.parseInt(arguments[4]) : count;
        String studyUid = BenchUids.next();
        String seriesUid = null;
        int rows = ct ? 512 : 2500;
        int columns = ct ? 512 : 2000;
        SplittableRandom random = new SplittableRandom(count);
        for (int number = 1; number <= count; number++) {
            if ((number - 1) % perSeries == 0) {
                seriesUid = BenchUids.next();
            }
            Attributes dataset = DicomParseBenchmark.ctHeader();
            dataset.setInts(Tags.SeriesNumber, VR.IS, (number - 1) / perSeries + 1);
            dataset.setString(Tags.SOPInstanceUID, VR.UI, BenchUids.next());
            dataset.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
            dataset.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
            dataset.setString(Tags.PatientID, VR.LO, patientId);
            dataset.setPersonName(Tags.PatientName, PersonName.of("Bench", ct ? "Ct" : "Dx"));
            dataset.setString(Tags.AccessionNumber, VR.SH, "B" + Math.abs(studyUid.hashCode()));
            dataset.setInts(Tags.InstanceNumber, VR.IS, number);
            dataset.setDoubles(Tags.ImagePositionPatient, VR.DS, -250, -250, number * 1.25);
            dataset.setInts(Tags.Rows, VR.US, rows);
            dataset.setInts(Tags.Columns, VR.US, columns);
            if (!ct) {
                dataset.setString(Tags.SOPClassUID, VR.UI, Uids.DigitalXRayImageStorageForPresentation);
                dataset.setString(Tags.Modality, VR.CS, "DX");
                dataset.setString(Tags.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
                dataset.setString(Tags.PresentationIntentType, VR.CS, "FOR PRESENTATION");
                dataset.setDoubles(Tags.PixelSpacing, VR.DS, 0.15, 0.15);
            }
            dataset.setValue(Tag.PIXEL_DATA, VR.OW, phantom(rows, columns, number, random));
            Part10.write(folder.resolve(String.format("IMG%05d.dcm", number)), dataset,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }

    /** A disc of soft tissue in air with noise, shifted a little per slice; 12-bit values, little endian. */
    private static byte[] phantom(int rows, int columns, int slice, SplittableRandom random) {
        byte[] pixels = new byte[rows * columns * 2];
        double radius = Math.min(rows, columns) * (0.35 + 0.05 * Math.sin(slice / 10.0));
        for (int y = 0; y < rows; y++) {
            double dy = y - rows / 2.0;
            for (int x = 0; x < columns; x++) {
                double dx = x - columns / 2.0;
                int value = dx * dx + dy * dy < radius * radius ? 1064 + random.nextInt(40) : random.nextInt(24);
                int at = 2 * (y * columns + x);
                pixels[at] = (byte) value;
                pixels[at + 1] = (byte) (value >> 8);
            }
        }
        return pixels;
    }
}
