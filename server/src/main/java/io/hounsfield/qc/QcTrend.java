package io.hounsfield.qc;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A scanner's daily water results as points of two SVG charts (mean CT number, noise SD) with their tolerance
 * bands; coordinates are computed here so the template only draws.
 */
public record QcTrend(String aeTitle, List<Point> mean, List<Point> noise, double[] meanBand, double[] noiseBand,
        List<QcResult> results) {

    static final double WIDTH = 600;
    static final double HEIGHT = 160;

    public record Point(double x, double y, String label, boolean passed) {
    }

    static QcTrend of(String aeTitle, List<QcResult> results, WaterTolerances tolerances) {
        List<QcResult> measured = results.stream().filter(r -> r.meanHu() != null).toList();
        double[] meanRange = {-15, 15};
        List<Point> mean = points(measured, true, meanRange);
        double baseline = tolerances.baselineSdHu() == null ? 0 : tolerances.baselineSdHu();
        double top = Math.max(measured.stream().mapToDouble(r -> r.noiseSdHu()).max().orElse(10), baseline * 1.5);
        double[] noiseRange = {0, Math.max(top * 1.1, 1)};
        List<Point> noise = points(measured, false, noiseRange);
        double[] meanBand = {y(tolerances.meanHighHu(), meanRange), y(tolerances.meanLowHu(), meanRange)};
        double[] noiseBand = baseline == 0 ? null : new double[] {
            y(baseline * (1 + tolerances.noisePercent() / 100), noiseRange),
            y(baseline * (1 - tolerances.noisePercent() / 100), noiseRange)};
        return new QcTrend(aeTitle, mean, noise, meanBand, noiseBand, results);
    }

    private static List<Point> points(List<QcResult> results, boolean mean, double[] range) {
        int n = results.size();
        return IntStream.range(0, n).mapToObj(i -> {
            QcResult r = results.get(i);
            double value = mean ? r.meanHu() : r.noiseSdHu();
            double x = n == 1 ? WIDTH / 2 : 20 + i * (WIDTH - 40) / (n - 1);
            return new Point(x, y(value, range), String.format("%.1f HU", value), r.passed());
        }).toList();
    }

    private static double y(double value, double[] range) {
        double clamped = Math.max(range[0], Math.min(range[1], value));
        return HEIGHT - 10 - (clamped - range[0]) / (range[1] - range[0]) * (HEIGHT - 20);
    }

    public String meanPath() {
        return path(mean);
    }

    public String noisePath() {
        return path(noise);
    }

    private static String path(List<Point> points) {
        StringBuilder d = new StringBuilder();
        for (Point p : points) {
            d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", p.x(), p.y()));
        }
        return d.toString();
    }
}
