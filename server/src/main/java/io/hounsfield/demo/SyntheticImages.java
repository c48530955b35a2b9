package io.hounsfield.demo;

import java.util.Random;

/**
 * Pixels that look enough like a body part for the viewer, the thumbnails and the automatic checks: ellipses of
 * tissue with noise, the same for the same seed. Values are stored values (unsigned, Bits Stored 12 unless said).
 */
final class SyntheticImages {

    private SyntheticImages() {
    }

    /** A chest radiograph, MONOCHROME2: dark air around the body, lungs darker than soft tissue, a bright spine. */
    static short[] chest(int size, long seed, boolean lateral) {
        Random noise = new Random(seed);
        short[] pixels = new short[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (x - size / 2.0) / (size / 2.0);
                double v = (y - size / 2.0) / (size / 2.0);
                double value = 150;
                if (inside(u, v, 0, 0.05, lateral ? 0.62 : 0.85, 0.95)) {
                    value = 2300;
                    if (lateral ? inside(u, v, -0.05, -0.05, 0.45, 0.6) : inside(u, v, -0.38, -0.1, 0.3, 0.6)
                            || inside(u, v, 0.38, -0.1, 0.3, 0.6)) {
                        value = 1200;
                    }
                    if (lateral ? Math.abs(u - 0.45) < 0.07 : Math.abs(u) < 0.06) {
                        value = 3300;
                    }
                }
                pixels[y * size + x] = clamp(value + noise.nextGaussian() * 45, 4095);
            }
        }
        return pixels;
    }

    /** An axial CT slice in stored values (HU + 1024): air, a body of soft tissue, organs and a spine. */
    static short[] ctSlice(int size, long seed, int slice) {
        Random noise = new Random(seed + slice);
        short[] pixels = new short[size * size];
        double organ = 0.18 + 0.02 * Math.sin(slice);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (x - size / 2.0) / (size / 2.0);
                double v = (y - size / 2.0) / (size / 2.0);
                double hu = -1000;
                if (inside(u, v, 0, 0, 0.8, 0.6)) {
                    hu = inside(u, v, 0, 0, 0.74, 0.54) ? 40 : -90;
                    if (inside(u, v, -0.3, -0.05, organ + 0.1, organ)) {
                        hu = 60;
                    }
                    if (inside(u, v, 0, 0.38, 0.09, 0.09)) {
                        hu = 700;
                    }
                }
                pixels[y * size + x] = clamp(hu + 1024 + noise.nextGaussian() * 12, 4095);
            }
        }
        return pixels;
    }

    /** An MR slice: grey and white matter in a skull, no air signal. */
    static short[] mrSlice(int size, long seed, int slice) {
        Random noise = new Random(seed + slice);
        short[] pixels = new short[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double u = (x - size / 2.0) / (size / 2.0);
                double v = (y - size / 2.0) / (size / 2.0);
                double value = 20;
                if (inside(u, v, 0, 0, 0.7, 0.85)) {
                    value = inside(u, v, 0, 0, 0.64, 0.79) ? 900 : 300;
                    if (inside(u, v, 0, 0, 0.45 + 0.02 * slice, 0.6)) {
                        value = 650;
                    }
                }
                pixels[y * size + x] = clamp(value + noise.nextGaussian() * 25, 4095);
            }
        }
        return pixels;
    }

    /** An ultrasound sector, 8 bits: speckle inside a fan from the top centre, black outside. */
    static byte[] ultrasound(int width, int height, long seed) {
        Random noise = new Random(seed);
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - width / 2.0;
                double depth = Math.hypot(dx, y);
                boolean inFan = Math.abs(Math.atan2(dx, y + 1)) < 0.6 && depth < height * 0.95;
                double value = inFan ? 70 + 60 * noise.nextDouble() - depth * 0.1 : 0;
                pixels[y * width + x] = (byte) clamp(value, 255);
            }
        }
        return pixels;
    }

    private static boolean inside(double u, double v, double centreU, double centreV, double radiusU, double radiusV) {
        double du = (u - centreU) / radiusU;
        double dv = (v - centreV) / radiusV;
        return du * du + dv * dv <= 1;
    }

    private static short clamp(double value, int max) {
        return (short) Math.max(0, Math.min(max, Math.round(value)));
    }
}
