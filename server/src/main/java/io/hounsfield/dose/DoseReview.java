package io.hounsfield.dose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The physicist's review of one dose metric over adult studies: its distribution per protocol and room (box plots),
 * the local diagnostic reference level once a group has {@value #LOCAL_DRL_MINIMUM} studies (the 75th percentile,
 * NCRP Report 172 and ICRP Publication 135), the national reference level for the protocol's body part, whose
 * comparison is with the median (ICRP 135), and the studies beyond the upper Tukey fence of their group.
 * Percentiles interpolate between the ranked values (Hyndman and Fan type 7, as spreadsheets compute them).
 */
public record DoseReview(String metric, String unit, int months, int studies, List<Group> groups,
        List<Outlier> outliers) {
    public static final int LOCAL_DRL_MINIMUM = 30;
    /** Fewer values than this give no fence: a quartile of three values says little. */
    private static final int FENCE_MINIMUM = 5;
    static final Map<String, String> METRICS = metrics();

    /**
     * One protocol in one room.
     *
     * @param localDrl the 75th percentile when the group has enough studies, else {@code null}
     * @param national the national reference level for the protocol's body part and this metric, if one is set
     */
    public record Group(String protocolCode, String protocol, String room, int count, double min, double q1,
            double median, double q3, double max, Double localDrl, DoseLevel national) {

        /** Whether the median is above the national reference level: the protocol needs a review. */
        public boolean aboveNational() {
            return national != null && median > national.value();
        }

        public int missingForLocalDrl() {
            return Math.max(0, LOCAL_DRL_MINIMUM - count);
        }
    }

    /** A study beyond its group's upper fence (third quartile plus 1.5 times the interquartile range). */
    public record Outlier(DoseSummary study, double value, double fence) {
    }

    static DoseReview of(String metric, List<DoseSummary> summaries, List<DoseLevel> levels, int months) {
        Map<String, List<DoseSummary>> byGroup = new LinkedHashMap<>();
        summaries.stream().filter(DoseSummary::adult).filter(study -> study.value(metric) != null)
                .sorted(Comparator.comparing(DoseSummary::protocol).thenComparing(DoseSummary::room))
                .forEach(study -> byGroup.computeIfAbsent(study.protocolCode() + "\u0000" + study.room(),
                        key -> new ArrayList<>()).add(study));
        List<Group> groups = new ArrayList<>();
        List<Outlier> outliers = new ArrayList<>();
        int studies = 0;
        for (List<DoseSummary> members : byGroup.values()) {
            double[] values = members.stream().mapToDouble(study -> study.value(metric)).sorted().toArray();
            studies += values.length;
            DoseSummary first = members.get(0);
            double q1 = percentile(values, 0.25);
            double q3 = percentile(values, 0.75);
            groups.add(new Group(first.protocolCode(), first.protocol(), first.room(), values.length, values[0], q1,
                    percentile(values, 0.5), q3, values[values.length - 1],
                    values.length >= LOCAL_DRL_MINIMUM ? round(q3) : null,
                    national(levels, metric, first.bodyPart()).orElse(null)));
            if (values.length >= FENCE_MINIMUM) {
                double fence = q3 + 1.5 * (q3 - q1);
                members.stream().filter(study -> study.value(metric) > fence)
                        .forEach(study -> outliers.add(new Outlier(study, study.value(metric), round(fence))));
            }
        }
        outliers.sort(Comparator.comparing((Outlier outlier) -> outlier.study().performedAt()).reversed());
        return new DoseReview(metric, METRICS.get(metric), months, studies, groups, outliers);
    }

    /** The largest value or reference level shown, to scale the charts; at least 1. */
    public double scale() {
        return Math.max(1, groups.stream().mapToDouble(group -> group.national() == null ? group.max()
                : Math.max(group.max(), group.national().value())).max().orElse(1) * 1.05);
    }

    /** The metric in words, with its unit. */
    public String metricInWords() {
        return switch (metric) {
            case "DLP" -> "DLP total";
            case "SSDE" -> "Highest SSDE";
            case "DAP" -> "Dose area product total";
            case "DOSE_RP" -> "Dose at the reference point, total";
            default -> "Highest CTDIvol";
        } + " (" + unit + ")";
    }

    static double percentile(double[] sorted, double p) {
        double position = (sorted.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return round(sorted[below] + (position - below) * (sorted[above] - sorted[below]));
    }

    private static Optional<DoseLevel> national(List<DoseLevel> levels, String metric, String bodyPart) {
        return levels.stream().filter(DoseLevel::referenceLevel).filter(level -> level.metric().equals(metric))
                .filter(level -> level.appliesTo(bodyPart, ExamDoseChecks.ADULT_FROM, null)).findFirst();
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    private static Map<String, String> metrics() {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("CTDIVOL", "mGy");
        metrics.put("DLP", "mGy·cm");
        metrics.put("SSDE", "mGy");
        metrics.put("DAP", "Gy·cm²");
        metrics.put("DOSE_RP", "mGy");
        return java.util.Collections.unmodifiableMap(metrics);
    }
}
