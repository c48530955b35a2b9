package io.hounsfield;

import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/** The exams booked around the department clock's now, where the demo day lies whatever the hour. */
public final class DemoDayExams {

    private static final Duration REACH = Duration.ofHours(12);

    private DemoDayExams() {}

    public static List<Exam> around(ExamService exams, Clock clock) {
        Instant now = clock.instant();
        return exams.booked(EnumSet.allOf(ExamState.class), now.minus(REACH), now.plus(REACH), null).stream()
                .sorted(Comparator.comparing(Exam::scheduledStart))
                .toList();
    }

    /** Those with an accession number, which a modality's images can name. */
    public static List<Exam> withAccession(ExamService exams, Clock clock) {
        return around(exams, clock).stream()
                .filter(exam -> exam.accessionNumber() != null && !exam.accessionNumber().isBlank())
                .toList();
    }
}
