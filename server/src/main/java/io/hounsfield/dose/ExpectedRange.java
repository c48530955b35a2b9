package io.hounsfield.dose;

/**
 * What the department's own exams of a protocol received (the median is the achievable dose of NCRP Report 172,
 * the 75th percentile the local reference level), shown beside an exam's dose once enough exams exist.
 */
public record ExpectedRange(int exams, String measure, String unit, double median, double q3) {
    /** Fewer exams than this give no range worth comparing with. */
    static final int MINIMUM = 5;
}
