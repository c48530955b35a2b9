package io.hounsfield.staff.work;

import static io.hounsfield.staff.records.StaffRepository.date;
import static io.hounsfield.staff.records.StaffRepository.day;

import io.hounsfield.staff.CeActivity;
import io.hounsfield.staff.CeCategory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Continuing education, site sign-offs and a lead's exceptions. */
@Repository
public class WorkRepository {

    private final JdbcClient jdbc;

    WorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertActivity(long staffId, String title, String provider, CeCategory category, BigDecimal credits,
            LocalDate completedOn, String by) {
        return jdbc.sql("""
                INSERT INTO staff_ce_activity (staff_id, title, provider, category, credits, completed_on, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staffId, title, provider, category.name(), credits, date(completedOn), by)
                .query(Long.class).single();
    }

    public List<CeActivity> activities(long staffId) {
        return jdbc.sql("SELECT * FROM staff_ce_activity WHERE staff_id = ? ORDER BY completed_on DESC, id DESC")
                .param(staffId).query(WorkRepository::activity).list();
    }

    long insertCompetency(long staffId, String modality, String procedureCode, String note, LocalDate on, String by) {
        return jdbc.sql("""
                INSERT INTO staff_competency (staff_id, modality, procedure_code, note, signed_off_on, signed_off_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staffId, modality, procedureCode, note, date(on), by).query(Long.class).single();
    }

    boolean revokeCompetency(long staffId, long competencyId) {
        return jdbc.sql("UPDATE staff_competency SET revoked = TRUE WHERE id = ? AND staff_id = ? AND NOT revoked")
                .params(competencyId, staffId).update() == 1;
    }

    List<Competency> competencies(long staffId) {
        return jdbc.sql("""
                SELECT * FROM staff_competency WHERE staff_id = ? AND NOT revoked
                ORDER BY modality, procedure_code NULLS FIRST, id""")
                .param(staffId).query(WorkRepository::competency).list();
    }

    long insertException(long staffId, String reason, LocalDate validUntil, String by) {
        return jdbc.sql("""
                INSERT INTO staff_exception (staff_id, reason, valid_until, recorded_by) VALUES (?, ?, ?, ?)
                RETURNING id""")
                .params(staffId, reason, date(validUntil), by).query(Long.class).single();
    }

    /** The exceptions, the latest ending first. */
    List<WorkException> exceptions(long staffId) {
        return jdbc.sql("SELECT * FROM staff_exception WHERE staff_id = ? ORDER BY valid_until DESC, id DESC")
                .param(staffId).query(WorkRepository::exception).list();
    }

    private static CeActivity activity(ResultSet row, int number) throws SQLException {
        return new CeActivity(row.getLong("id"), row.getLong("staff_id"), row.getString("title"),
                row.getString("provider"), CeCategory.valueOf(row.getString("category")), row.getBigDecimal("credits"),
                day(row, "completed_on"), row.getString("recorded_by"));
    }

    private static Competency competency(ResultSet row, int number) throws SQLException {
        return new Competency(row.getLong("id"), row.getLong("staff_id"), row.getString("modality"),
                row.getString("procedure_code"), row.getString("note"), day(row, "signed_off_on"),
                row.getString("signed_off_by"));
    }

    private static WorkException exception(ResultSet row, int number) throws SQLException {
        return new WorkException(row.getLong("id"), row.getLong("staff_id"), row.getString("reason"),
                day(row, "valid_until"), row.getTimestamp("recorded_at").toInstant(), row.getString("recorded_by"));
    }
}
