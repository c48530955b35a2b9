package io.hounsfield.qc;

import io.hounsfield.dicom.image.ModalityLut;
import io.hounsfield.dicom.image.Raster;
import io.hounsfield.dicom.image.Roi;
import io.hounsfield.dicom.image.RoiStatistics;
import java.util.LinkedHashMap;

/**
 * Finds the water phantom on a CT image and measures it as the ACR 2017 CT Quality Control Manual's daily water
 * test does: one central ROI of about 400 mm² (mean CT number and noise SD) and four peripheral ROIs of the same size
 * at 12, 3, 6 and 9 o'clock (uniformity = the largest |edge mean − centre mean|).
 *
 * <p>The phantom is the set of pixels above −500 HU (between air and water), padding excluded (Pixel Padding Value,
 * PS3.3 C.7.5.1.1.2, and anything below −1500 HU, which is the outside of the reconstruction circle); its centroid
 * and the diameter of a disk of the same area place the ROIs. A peripheral ROI lies 1 cm inside the edge, or further
 * in where it is larger, so that it stays wholly inside the water. Pure: no I/O.
 */
final class WaterPhantomAnalysis {

    static final String NO_PHANTOM = "No water phantom found: no uniform disk above −500 HU";
    private static final double THRESHOLD_HU = -500;
    private static final double PADDING_BELOW_HU = -1500;
    private static final double ROI_AREA_MM2 = 400;
    private static final double MIN_DIAMETER_MM = 80;
    private static final double EDGE_MARGIN_MM = 10;

    private WaterPhantomAnalysis() {
    }

    /**
     * @param padding   the stored Pixel Padding Value, or null
     * @param rowMm     the spacing between rows (Pixel Spacing, first value), in mm
     * @param columnMm  the spacing between columns, in mm
     */
    static PhantomMeasurement analyse(Raster raster, ModalityLut lut, Long padding, double rowMm, double columnMm) {
        if (!(rowMm > 0 && columnMm > 0)) {
            return PhantomMeasurement.notAnalysable("The image has no pixel spacing, so the phantom cannot be sized");
        }
        Disk disk = findDisk(raster, lut, padding);
        if (disk == null) {
            return PhantomMeasurement.notAnalysable(NO_PHANTOM);
        }
        double diameterMm = 2 * Math.sqrt(disk.area * rowMm * columnMm / Math.PI);
        if (diameterMm < MIN_DIAMETER_MM) {
            return PhantomMeasurement.notAnalysable(NO_PHANTOM + " (the brightest region is only "
                    + Math.round(diameterMm) + " mm across)");
        }
        if (disk.roundness < 0.95) {
            return PhantomMeasurement.notAnalysable(NO_PHANTOM + " (the region above −500 HU is not a round disk)");
        }
        return measure(raster, lut, disk, rowMm, columnMm, diameterMm);
    }

    private static PhantomMeasurement measure(Raster raster, ModalityLut lut, Disk disk, double rowMm,
            double columnMm, double diameterMm) {
        double radiusMm = diameterMm / 2;
        double roiRadiusMm = Math.min(Math.sqrt(ROI_AREA_MM2 / Math.PI), radiusMm / 5);
        double offsetMm = radiusMm - Math.max(EDGE_MARGIN_MM, roiRadiusMm + 5);
        LinkedHashMap<String, Double> means = new LinkedHashMap<>();
        RoiStatistics centre = stats(raster, lut, disk.x, disk.y, roiRadiusMm, columnMm, rowMm);
        means.put("centre", centre.mean());
        String[] names = {"12h", "3h", "6h", "9h"};
        double[][] directions = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
        double sdSum = 0;
        for (int i = 0; i < names.length; i++) {
            RoiStatistics edge = stats(raster, lut, disk.x + directions[i][0] * offsetMm / columnMm,
                    disk.y + directions[i][1] * offsetMm / rowMm, roiRadiusMm, columnMm, rowMm);
            means.put(names[i], edge.mean());
            sdSum += edge.standardDeviation();
        }
        PhantomMeasurement measurement = PhantomMeasurement.of(centre.mean(), centre.standardDeviation(), means,
                diameterMm);
        // A patient or another phantom can be round too; water is flat and near 0 HU.
        if (Math.abs(centre.mean()) > 200 || measurement.uniformityHu() > 100
                || Math.max(centre.standardDeviation(), sdSum / 4) > 150) {
            return PhantomMeasurement.notAnalysable(NO_PHANTOM + " (the disk is not uniform water: centre "
                    + Math.round(centre.mean()) + " HU, edges up to " + Math.round(measurement.uniformityHu())
                    + " HU from it)");
        }
        return measurement;
    }

    /** A circular ROI in mm, drawn as the pixel ellipse it is on anisotropic pixels (taken as round: rowMm ≈ colMm). */
    private static RoiStatistics stats(Raster raster, ModalityLut lut, double x, double y, double radiusMm,
            double columnMm, double rowMm) {
        return RoiStatistics.of(raster, lut, Roi.circle(x, y, radiusMm / Math.sqrt(rowMm * columnMm)));
    }

    private record Disk(double x, double y, long area, double roundness) {
    }

    /** The centroid and area of the pixels above the threshold, and how much of a disk of that area they fill. */
    private static Disk findDisk(Raster raster, ModalityLut lut, Long padding) {
        int rows = raster.rows();
        int columns = raster.columns();
        boolean[] inside = new boolean[rows * columns];
        long area = 0;
        double sumX = 0;
        double sumY = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                long stored = raster.value(r, c, 0);
                if (padding != null && stored == padding) {
                    continue;
                }
                double hu = lut.apply(stored);
                if (hu > THRESHOLD_HU && hu > PADDING_BELOW_HU) {
                    inside[r * columns + c] = true;
                    area++;
                    sumX += c + 0.5;
                    sumY += r + 0.5;
                }
            }
        }
        if (area == 0) {
            return null;
        }
        double x = sumX / area;
        double y = sumY / area;
        double radius = Math.sqrt(area / Math.PI);
        long inCircle = 0;
        long circle = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double dx = c + 0.5 - x;
                double dy = r + 0.5 - y;
                if (dx * dx + dy * dy <= radius * radius) {
                    circle++;
                    inCircle += inside[r * columns + c] ? 1 : 0;
                }
            }
        }
        return new Disk(x, y, area, circle == 0 ? 0 : (double) inCircle / Math.max(circle, area));
    }
}
