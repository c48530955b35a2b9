package io.hounsfield.archive;

import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the studies of exams not yet released for reading in {@code archive_reading_hold}, which {@link
 * Audience#READER} leaves out. Listens in the transaction of each exam transition, so the two never disagree.
 */
@Component
class ReadingHolds {

    private final JdbcClient jdbc;
    private final ExamService exams;

    ReadingHolds(JdbcClient jdbc, ExamService exams) {
        this.jdbc = jdbc;
        this.exams = exams;
    }

    @EventListener
    void examStateChanged(ExamStateChanged change) {
        Exam exam = exams.get(change.examId());
        if (change.to() == ExamState.RELEASED || change.to() == ExamState.CANCELLED) {
            jdbc.sql("DELETE FROM archive_reading_hold WHERE study_instance_uid = ?")
                    .param(exam.studyInstanceUid()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO archive_reading_hold (study_instance_uid, accession_number) VALUES (?, ?)
                    ON CONFLICT (study_instance_uid) DO UPDATE SET accession_number = EXCLUDED.accession_number""")
                    .params(exam.studyInstanceUid(), exam.accessionNumber()).update();
        }
    }
}
