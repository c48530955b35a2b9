package io.hounsfield.staff.learning;

import static io.hounsfield.staff.records.StaffRepository.date;
import static io.hounsfield.staff.records.StaffRepository.day;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Students' clinical competency log and new starters' orientation checklists. */
@Repository
class LearningRepository {

    private final JdbcClient jdbc;

    LearningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when this requirement is already signed off for the student. */
    boolean insertStudentCompetency(long staffId, String set, String requirement, LocalDate performedOn,
            boolean simulated, String by, String note) {
        return jdbc.sql("""
                INSERT INTO staff_student_competency (staff_id, requirement_set, requirement, performed_on, simulated,
                    signed_off_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (staff_id, requirement_set, requirement) DO NOTHING""")
                .params(staffId, set, requirement, date(performedOn), simulated, by, note).update() == 1;
    }

    List<StudentCompetency> studentCompetencies(long staffId) {
        return jdbc.sql("SELECT * FROM staff_student_competency WHERE staff_id = ? ORDER BY performed_on, id")
                .param(staffId).query(LearningRepository::studentCompetency).list();
    }

    void insertOrientationItem(long staffId, int position, String item) {
        jdbc.sql("INSERT INTO staff_orientation_item (staff_id, position, item) VALUES (?, ?, ?)")
                .params(staffId, position, item).update();
    }

    List<OrientationItem> orientation(long staffId) {
        return jdbc.sql("SELECT * FROM staff_orientation_item WHERE staff_id = ? ORDER BY position")
                .param(staffId).query(LearningRepository::orientationItem).list();
    }

    /** False when the item is not this person's or is signed off already. */
    boolean signOffOrientation(long staffId, long itemId, String by, Instant at) {
        return jdbc.sql("""
                UPDATE staff_orientation_item SET signed_off_by = ?, signed_off_at = ?
                WHERE id = ? AND staff_id = ? AND signed_off_by IS NULL""")
                .params(by, Timestamp.from(at), itemId, staffId).update() == 1;
    }

    private static StudentCompetency studentCompetency(ResultSet row, int number) throws SQLException {
        return new StudentCompetency(row.getLong("id"), row.getLong("staff_id"), row.getString("requirement_set"),
                row.getString("requirement"), day(row, "performed_on"), row.getBoolean("simulated"),
                row.getString("signed_off_by"), row.getString("note"));
    }

    private static OrientationItem orientationItem(ResultSet row, int number) throws SQLException {
        Timestamp at = row.getTimestamp("signed_off_at");
        return new OrientationItem(row.getLong("id"), row.getLong("staff_id"), row.getInt("position"),
                row.getString("item"), row.getString("signed_off_by"), at == null ? null : at.toInstant());
    }
}
