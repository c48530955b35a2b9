package io.hounsfield.exam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExamRepository {

    private static final RowMapper<Exam> EXAM = (row, number) -> new Exam(
            row.getLong("id"),
            (Long) row.getObject("order_id"),
            row.getLong("patient_id"),
            row.getString("accession_number"),
            row.getString("study_instance_uid"),
            row.getString("procedure_code"),
            row.getString("laterality") == null ? null : Laterality.valueOf(row.getString("laterality")),
            Priority.valueOf(row.getString("priority")),
            ExamState.valueOf(row.getString("state")),
            row.getString("station_ae_title"),
            instant(row.getTimestamp("scheduled_start")),
            instant(row.getTimestamp("scheduled_end")),
            row.getString("requested_procedure_id"),
            row.getString("scheduled_step_id"));

    private final JdbcClient jdbc;
    /** History times are the department clock's, like the bookings they are compared with (waiting times). */
    private final Clock clock;

    ExamRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(NewExam exam, String accessionNumber, String studyInstanceUid, Instant scheduledEnd) {
        return jdbc.sql("""
                INSERT INTO exam (order_id, patient_id, accession_number, study_instance_uid, procedure_code,
                                  laterality, priority, state, station_ae_title, scheduled_start, scheduled_end,
                                  requested_procedure_id, scheduled_step_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?, ?) RETURNING id""")
                .params(exam.orderId(), exam.patientId(), accessionNumber, studyInstanceUid, exam.procedureCode(),
                        exam.laterality() == null ? null : exam.laterality().name(), exam.priority().name(),
                        exam.stationAeTitle(), timestamp(exam.scheduledStart()), timestamp(scheduledEnd),
                        exam.requestedProcedureId(), exam.scheduledStepId())
                .query(Long.class).single();
    }

    Optional<Exam> find(long id) {
        return jdbc.sql("SELECT * FROM exam WHERE id = ?").param(id).query(EXAM).optional();
    }

    /** Locks the row so that two transitions of one exam happen one after the other. */
    Optional<Exam> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM exam WHERE id = ? FOR UPDATE").param(id).query(EXAM).optional();
    }

    Optional<Exam> findByAccession(String accessionNumber) {
        return jdbc.sql("SELECT * FROM exam WHERE accession_number = ?").param(accessionNumber).query(EXAM).optional();
    }

    Optional<Exam> findByStudyInstanceUid(String studyInstanceUid) {
        return jdbc.sql("SELECT * FROM exam WHERE study_instance_uid = ?").param(studyInstanceUid).query(EXAM)
                .optional();
    }

    List<Exam> findByOrder(long orderId) {
        return jdbc.sql("SELECT * FROM exam WHERE order_id = ? ORDER BY id").param(orderId).query(EXAM).list();
    }

    List<Exam> findByPatient(long patientId) {
        return jdbc.sql("SELECT * FROM exam WHERE patient_id = ? ORDER BY scheduled_start DESC NULLS LAST, id DESC")
                .param(patientId).query(EXAM).list();
    }

    List<Exam> findScheduledBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM exam WHERE scheduled_start >= ? AND scheduled_start < ? ORDER BY scheduled_start, id")
                .params(Timestamp.from(from), Timestamp.from(to)).query(EXAM).list();
    }

    /** Bookings in the room that overlap [start, end), other than the exam being booked. */
    List<Exam> findOverlapping(String room, Instant start, Instant end, long exceptExamId) {
        return jdbc.sql("""
                SELECT * FROM exam
                WHERE station_ae_title = ? AND id <> ? AND state NOT IN ('CANCELLED', 'DISCONTINUED')
                  AND scheduled_start < ? AND scheduled_end > ?
                ORDER BY scheduled_start""")
                .params(room, exceptExamId, Timestamp.from(end), Timestamp.from(start)).query(EXAM).list();
    }

    /** Serialises bookings of one room until the transaction ends, so that two clerks cannot take one slot. */
    void lockRoom(String room) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('room:' || ?)) IS NULL").param(room).query(Boolean.class).single();
    }

    void book(long id, String room, Instant start, Instant end) {
        jdbc.sql("UPDATE exam SET station_ae_title = ?, scheduled_start = ?, scheduled_end = ?, updated_at = now() WHERE id = ?")
                .params(room, Timestamp.from(start), Timestamp.from(end), id).update();
    }

    /** Booked exams in one of {@code states} starting in [from, to), optionally of one station only. */
    List<Exam> findBooked(Set<ExamState> states, Instant from, Instant to, String station) {
        String[] names = states.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                SELECT * FROM exam WHERE state = ANY (?) AND scheduled_start >= ? AND scheduled_start < ?
                  AND (CAST(? AS VARCHAR) IS NULL OR station_ae_title = ?)
                ORDER BY CASE priority WHEN 'STAT' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, scheduled_start, id""")
                .params(names, Timestamp.from(from), Timestamp.from(to), station, station)
                .query(EXAM).list();
    }

    List<Exam> findUnbooked() {
        return jdbc.sql("""
                SELECT * FROM exam WHERE (station_ae_title IS NULL OR scheduled_start IS NULL)
                  AND state IN ('SCHEDULED', 'ARRIVED', 'VERIFIED')
                ORDER BY CASE priority WHEN 'STAT' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END, id""")
                .query(EXAM).list();
    }

    void updateState(long id, ExamState state) {
        jdbc.sql("UPDATE exam SET state = ?, updated_at = now() WHERE id = ?").params(state.name(), id).update();
    }

    void recordTransition(long examId, ExamState from, ExamState to, String actor, String reason) {
        jdbc.sql("INSERT INTO exam_transition (exam_id, from_state, to_state, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(examId, from == null ? null : from.name(), to.name(), actor, reason, now()).update();
    }

    /** A history entry that keeps the exam in {@code state}. */
    void recordEvent(long examId, ExamState state, HistoryEvent event, String actor, String reason) {
        jdbc.sql("""
                INSERT INTO exam_transition (exam_id, from_state, to_state, actor, reason, event, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(examId, state.name(), state.name(), actor, reason, event.name(), now()).update();
    }

    void correct(long id, String procedureCode, Laterality laterality) {
        jdbc.sql("UPDATE exam SET procedure_code = ?, laterality = ?, updated_at = now() WHERE id = ?")
                .params(procedureCode, laterality == null ? null : laterality.name(), id).update();
    }

    /** @return true for the first image of the exam, false when one had arrived before */
    boolean markFirstImage(long id) {
        return jdbc.sql("UPDATE exam SET first_image_at = ? WHERE id = ? AND first_image_at IS NULL")
                .params(now(), id).update() == 1;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    boolean hasImages(long id) {
        return jdbc.sql("SELECT first_image_at IS NOT NULL FROM exam WHERE id = ?").param(id).query(Boolean.class)
                .single();
    }

    List<ExamTransition> transitions(long examId) {
        return jdbc.sql("SELECT * FROM exam_transition WHERE exam_id = ? ORDER BY at, id").param(examId)
                .query((row, number) -> new ExamTransition(
                        row.getString("from_state") == null ? null : ExamState.valueOf(row.getString("from_state")),
                        ExamState.valueOf(row.getString("to_state")),
                        row.getTimestamp("at").toInstant(), row.getString("actor"), row.getString("reason"),
                        row.getString("event") == null ? null : HistoryEvent.valueOf(row.getString("event"))))
                .list();
    }

    void movePatient(long fromPatientId, long toPatientId) {
        jdbc.sql("UPDATE exam SET patient_id = ?, updated_at = now() WHERE patient_id = ?")
                .params(toPatientId, fromPatientId).update();
    }

    long nextAccessionNumber() {
        return jdbc.sql("SELECT nextval('accession_number_sequence')").query(Long.class).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
