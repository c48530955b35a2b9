package io.hounsfield.quality.reject;

import io.hounsfield.archive.ImageCount;
import io.hounsfield.archive.StudyImageCount;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reject rates (AAPM TG-151; TG-305 definitions): rejected images ÷ all images acquired (rejected + accepted) × 100,
 * per room, body part, reason, month and technologist, against the department's target and limits. A study's images,
 * rejected and accepted, count for its exam's performing technologist (TG-305's operator), so that both sides of
 * the rate have the same scope; studies without one are "(not recorded)".
 */
public final class RejectAnalysis {

    /** TG-151 for DR/CR: target 8%, investigate above 10% or below 5%. */
    public static final double TARGET = 8;
    public static final double UPPER = 10;
    public static final double LOWER = 5;

    /** One bar: a group, its rejects and images, the rate in percent ({@code null} without a denominator). */
    public record Row(String group, long rejected, long images, Double rate) {

        /** Whether the rate is outside TG-151's limits. */
        public boolean outside() {
            return rate != null && (rate > UPPER || rate < LOWER);
        }

        /** The bar's length, in percent of the chart's width (which runs to 20%). */
        public double barWidth() {
            return rate == null ? 0 : Math.min(100, rate * 5);
        }
    }

    /** The whole analysis: one list of rows per grouping, and the totals. */
    public record Result(Row total, List<Row> byRoom, List<Row> byBodyPart, List<Row> byReason, List<Row> byMonth,
            List<Row> byTechnologist) {
    }

    private RejectAnalysis() {
    }

    /**
     * @param images the images stored per room, body part and month
     * @param perStudy the same images per study
     * @param technologists the performing technologist per Study Instance UID (absent when not recorded)
     */
    public static Result of(List<RejectionRecords.Rejected> rejects, List<ImageCount> images,
            List<StudyImageCount> perStudy, Map<String, String> technologists, ZoneId zone) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("yyyy-MM");
        long allImages = images.stream().mapToLong(ImageCount::images).sum();
        Function<String, String> technologist = study -> blank(technologists.get(study));
        return new Result(row("all", rejects.size(), allImages),
                rates(rejects, RejectionRecords.Rejected::room, denominators(images, ImageCount::room,
                        ImageCount::images)),
                rates(rejects, reject -> blank(reject.bodyPart()), denominators(images,
                        count -> blank(count.bodyPart()), ImageCount::images)),
                shares(rejects, RejectionRecords.Rejected::reason, allImages),
                rates(rejects, reject -> reject.acquiredAt().atZone(zone).format(month), denominators(images,
                        count -> count.month().format(month), ImageCount::images)),
                rates(rejects, reject -> technologist.apply(reject.studyInstanceUid()), denominators(perStudy,
                        count -> technologist.apply(count.studyInstanceUid()), StudyImageCount::images)));
    }

    private static <T> Map<String, Long> denominators(List<T> counts, Function<T, String> group,
            java.util.function.ToLongFunction<T> images) {
        Map<String, Long> groups = new TreeMap<>();
        counts.forEach(count -> groups.merge(group.apply(count), images.applyAsLong(count), Long::sum));
        return groups;
    }

    private static List<Row> rates(List<RejectionRecords.Rejected> rejects,
            Function<RejectionRecords.Rejected, String> rejectGroup, Map<String, Long> images) {
        Map<String, long[]> groups = new TreeMap<>();
        images.forEach((group, count) -> groups.computeIfAbsent(group, key -> new long[2])[1] += count);
        rejects.forEach(reject -> groups.computeIfAbsent(rejectGroup.apply(reject), key -> new long[2])[0]++);
        List<Row> rows = new ArrayList<>();
        groups.forEach((group, counts) -> rows.add(row(group, counts[0], counts[1])));
        return rows;
    }

    private static List<Row> shares(List<RejectionRecords.Rejected> rejects,
            Function<RejectionRecords.Rejected, String> group, long images) {
        Map<String, Long> counts = new TreeMap<>();
        rejects.forEach(reject -> counts.merge(group.apply(reject), 1L, Long::sum));
        return counts.entrySet().stream().map(entry -> row(entry.getKey(), entry.getValue(), images)).toList();
    }

    private static Row row(String group, long rejected, long images) {
        return new Row(group, rejected, Math.max(images, 0),
                images > 0 ? Math.round(1000.0 * rejected / images) / 10.0 : null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? "(not recorded)" : value;
    }
}
