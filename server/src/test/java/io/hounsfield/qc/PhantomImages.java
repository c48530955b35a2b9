package io.hounsfield.qc;

import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.Raster;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Water-phantom images made in memory: a disk of known HU and Gaussian noise in air, stored as a scanner would. */
public final class PhantomImages {

    static final int SIZE = 512;

    private PhantomImages() {
    }

    /**
     * @param intercept  the rescale intercept: stored = HU − intercept (so −1024 with unsigned storage)
     * @param edgeOffset HU added outside 0.6 of the radius (so the edge ROIs differ from the centre by it)
     * @param padding    the stored value outside the reconstruction circle, or null for air there
     */
    public static Raster disk(double waterHu, double noiseSd, double diameterMm, double pixelMm, boolean signed,
            double intercept, double edgeOffset, Integer padding, long seed) {
        Random random = new Random(seed);
        int[] samples = new int[SIZE * SIZE];
        double centre = SIZE / 2.0;
        double radius = diameterMm / 2 / pixelMm;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double distance = Math.hypot(c + 0.5 - centre, r + 0.5 - centre);
                double hu;
                if (padding != null && distance > SIZE / 2.0) {
                    samples[r * SIZE + c] = padding;
                    continue;
                } else if (distance <= radius) {
                    hu = waterHu + (distance > 0.6 * radius ? edgeOffset : 0) + random.nextGaussian() * noiseSd;
                } else {
                    hu = -1000 + random.nextGaussian() * noiseSd;
                }
                samples[r * SIZE + c] = (int) Math.round(hu - intercept);
            }
        }
        return Raster.of(SIZE, SIZE, 1, 16, signed, "MONOCHROME2", samples);
    }

    /** A head-like image: an oval skull of bone round brain tissue with a few brighter blobs, in air. */
    static Raster head(long seed) {
        Random random = new Random(seed);
        int[] samples = new int[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double dx = (c - 256) / 150.0;
                double dy = (r - 256) / 200.0;
                double e = dx * dx + dy * dy;
                double hu = e > 1 ? -1000 : e > 0.85 ? 900 : 35 + random.nextGaussian() * 4;
                if (e <= 0.85 && Math.hypot(c - 220, r - 200) < 20) {
                    hu = 70;
                }
                samples[r * SIZE + c] = (int) Math.round(hu);
            }
        }
        return Raster.of(SIZE, SIZE, 1, 16, true, "MONOCHROME2", samples);
    }

    /** A water phantom of 200 mm at {@code waterHu} with 5 HU noise, 0.7 mm pixels, stored unsigned with intercept −1024. */
    public static Raster water(double waterHu) {
        return disk(waterHu, 5, 200, 0.7, false, -1024, 0, null, 11);
    }

    /** Writes {@code raster} as a CT image of a "QC-CT1" study with this Study Description; the file is named by its SOP Instance UID. */
    public static Path writeCtImage(Path directory, Raster raster, String description) throws IOException {
        TestStudies.Study study = TestStudies.Study.of("QC-CT1", "QC^PHANTOM", "", "20261201");
        Attributes image = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        image.setString(Tags.StudyDescription, VR.LO, description);
        image.setInts(Tags.Rows, VR.US, raster.rows());
        image.setInts(Tags.Columns, VR.US, raster.columns());
        image.setInts(Tags.BitsStored, VR.US, 16);
        image.setInts(Tags.HighBit, VR.US, 15);
        image.setString(Tags.PixelSpacing, VR.DS, "0.7\\0.7");
        image.setString(Tags.RescaleIntercept, VR.DS, "-1024");
        image.setString(Tags.RescaleSlope, VR.DS, "1");
        int[] samples = raster.samples();
        byte[] pixels = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pixels[2 * i] = (byte) samples[i];
            pixels[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        image.setValue(Tags.PixelData, VR.OW, pixels);
        Path file = directory.resolve(image.getString(Tags.SOPInstanceUID) + ".dcm");
        Part10.write(file, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return file;
    }

    /** The SOP Instance UID of a file {@link #writeCtImage} wrote. */
    public static String sopInstanceUid(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".dcm".length());
    }
}
