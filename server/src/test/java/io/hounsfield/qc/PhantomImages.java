package io.hounsfield.qc;

import io.hounsfield.dicom.image.Raster;
import java.util.Random;

/** Water-phantom images made in memory: a disk of known HU and Gaussian noise in air, stored as a scanner would. */
final class PhantomImages {

    static final int SIZE = 512;

    private PhantomImages() {
    }

    /**
     * @param intercept  the rescale intercept: stored = HU − intercept (so −1024 with unsigned storage)
     * @param edgeOffset HU added outside 0.6 of the radius (so the edge ROIs differ from the centre by it)
     * @param padding    the stored value outside the reconstruction circle, or null for air there
     */
    static Raster disk(double waterHu, double noiseSd, double diameterMm, double pixelMm, boolean signed,
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
}
