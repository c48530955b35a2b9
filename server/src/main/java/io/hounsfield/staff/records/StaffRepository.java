package io.hounsfield.staff.records;

import io.hounsfield.security.Role;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffDocument;
import io.hounsfield.staff.StaffMember;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff records, their credentials and documents. */
@Repository
public class StaffRepository {

    private static final String MEMBER = """
            SELECT s.*, u.username, u.full_name, u.role FROM staff_member s JOIN user_account u ON u.id = s.user_id
            """;

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertMember(long userId, Month birthMonth, String programme, String requirementSet,
            LocalDate startedOn, String by) {
        return jdbc.sql("""
                INSERT INTO staff_member (user_id, birth_month, programme, requirement_set, started_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(userId, birthMonth == null ? null : birthMonth.getValue(), programme, requirementSet,
                        date(startedOn), by)
                .query(Long.class).single();
    }

    public void updateMember(long id, Month birthMonth, String programme, String requirementSet) {
        jdbc.sql("UPDATE staff_member SET birth_month = ?, programme = ?, requirement_set = ? WHERE id = ?")
                .params(birthMonth == null ? null : birthMonth.getValue(), programme, requirementSet, id).update();
    }

    public Optional<StaffMember> member(long id) {
        return jdbc.sql(MEMBER + " WHERE s.id = ?").param(id).query(StaffRepository::member).optional();
    }

    public Optional<StaffMember> memberByUsername(String username) {
        return jdbc.sql(MEMBER + " WHERE lower(u.username) = lower(?)").param(username)
                .query(StaffRepository::member).optional();
    }

    public List<StaffMember> members() {
        return jdbc.sql(MEMBER + " ORDER BY u.full_name, u.username").query(StaffRepository::member).list();
    }

    public long insertCredential(long staffId, CredentialKind kind, String code, String number, LocalDate issuedOn,
            LocalDate expiresOn, String by) {
        return jdbc.sql("""
                INSERT INTO staff_credential (staff_id, kind, code, number, issued_on, expires_on, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(staffId, kind.name(), code, number, date(issuedOn), date(expiresOn), by)
                .query(Long.class).single();
    }

    public boolean removeCredential(long staffId, long credentialId) {
        return jdbc.sql("UPDATE staff_credential SET removed = TRUE WHERE id = ? AND staff_id = ? AND NOT removed")
                .params(credentialId, staffId).update() == 1;
    }

    /** The credentials in force or lapsed, not those removed as entered in error. */
    public List<Credential> credentials(long staffId) {
        return jdbc.sql("""
                SELECT * FROM staff_credential WHERE staff_id = ? AND NOT removed
                ORDER BY kind, expires_on NULLS LAST, id""")
                .param(staffId).query(StaffRepository::credential).list();
    }

    List<Credential> allCredentials() {
        return jdbc.sql("SELECT * FROM staff_credential WHERE NOT removed ORDER BY staff_id, id")
                .query(StaffRepository::credential).list();
    }

    public void insertDocument(StaffDocument document) {
        jdbc.sql("""
                INSERT INTO staff_document (staff_id, credential_id, file_name, content_type, size_bytes, sha256,
                    storage_key, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(document.staffId(), document.credentialId(), document.fileName(), document.contentType(),
                        document.sizeBytes(), document.sha256(), document.storageKey(), document.uploadedBy())
                .update();
    }

    public List<StaffDocument> documents(long staffId) {
        return jdbc.sql("SELECT * FROM staff_document WHERE staff_id = ? ORDER BY uploaded_at DESC, id DESC")
                .param(staffId).query(StaffRepository::document).list();
    }

    public Optional<StaffDocument> document(long staffId, long documentId) {
        return jdbc.sql("SELECT * FROM staff_document WHERE staff_id = ? AND id = ?").params(staffId, documentId)
                .query(StaffRepository::document).optional();
    }

    public static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    public static LocalDate day(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static StaffMember member(ResultSet row, int number) throws SQLException {
        int birthMonth = row.getInt("birth_month");
        return new StaffMember(row.getLong("id"), row.getLong("user_id"), row.getString("username"),
                row.getString("full_name"), Role.valueOf(row.getString("role")),
                birthMonth == 0 ? null : Month.of(birthMonth), row.getString("programme"),
                row.getString("requirement_set"), day(row, "started_on"));
    }

    private static Credential credential(ResultSet row, int number) throws SQLException {
        return new Credential(row.getLong("id"), row.getLong("staff_id"), CredentialKind.valueOf(row.getString("kind")),
                row.getString("code"), row.getString("number"), day(row, "issued_on"), day(row, "expires_on"));
    }

    private static StaffDocument document(ResultSet row, int number) throws SQLException {
        long credential = row.getLong("credential_id");
        Long credentialId = row.wasNull() ? null : credential;
        return new StaffDocument(row.getLong("id"), row.getLong("staff_id"), credentialId,
                row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes"),
                row.getString("sha256"), row.getString("storage_key"), row.getTimestamp("uploaded_at").toInstant(),
                row.getString("uploaded_by"));
    }
}
