package io.hounsfield.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PatientRepository {

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patient an identifier leads to; a merge moves the merged patient's identifiers to the survivor. */
    Optional<Long> findId(PatientIdentifier identifier) {
        return jdbc.sql("SELECT patient_id FROM patient_identifier WHERE issuer = ? AND value = ?")
                .params(identifier.issuer(), identifier.value())
                .query(Long.class)
                .optional();
    }

    Optional<Patient> find(long id) {
        List<IdentifierRow> identifiers = jdbc.sql(
                        "SELECT issuer, value, kind FROM patient_identifier WHERE patient_id = ? ORDER BY kind, issuer, value")
                .param(id)
                .query((row, number) -> new IdentifierRow(
                        new PatientIdentifier(row.getString("issuer"), row.getString("value")), row.getString("kind")))
                .list();
        return jdbc.sql("SELECT * FROM patient WHERE id = ?").param(id)
                .query((row, number) -> toPatient(row, identifiers))
                .optional();
    }

    /** The patients of {@code ids} by id, in two queries however many they are. */
    Map<Long, Patient> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<IdentifierRow>> identifiers = new HashMap<>();
        jdbc.sql("""
                SELECT patient_id, issuer, value, kind FROM patient_identifier WHERE patient_id IN (:ids)
                ORDER BY patient_id, kind, issuer, value""").param("ids", ids)
                .query((RowCallbackHandler) row -> identifiers.computeIfAbsent(row.getLong("patient_id"),
                        id -> new ArrayList<>()).add(new IdentifierRow(
                        new PatientIdentifier(row.getString("issuer"), row.getString("value")), row.getString("kind"))));
        Map<Long, Patient> patients = new HashMap<>();
        jdbc.sql("SELECT * FROM patient WHERE id IN (:ids)").param("ids", ids)
                .query((RowCallbackHandler) row -> patients.put(row.getLong("id"),
                        toPatient(row, identifiers.getOrDefault(row.getLong("id"), List.of()))));
        return patients;
    }

    long insert(Demographics demographics, boolean temporary) {
        return jdbc.sql("""
                INSERT INTO patient (family_name, given_name, middle_name, birth_date, sex, language, allergies,
                                     pregnancy_status, weight_kg, height_cm, temporary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(demographics.familyName(), demographics.givenName(), demographics.middleName(),
                        demographics.birthDate(), demographics.sex().name(), demographics.language(),
                        demographics.allergies(), demographics.pregnancyStatus().name(), demographics.weightKg(),
                        demographics.heightCm(), temporary)
                .query(Long.class).single();
    }

    void update(long id, Demographics demographics) {
        jdbc.sql("""
                UPDATE patient SET family_name = ?, given_name = ?, middle_name = ?, birth_date = ?, sex = ?,
                       language = ?, allergies = ?, pregnancy_status = ?, weight_kg = ?, height_cm = ?,
                       updated_at = now()
                WHERE id = ?""")
                .params(demographics.familyName(), demographics.givenName(), demographics.middleName(),
                        demographics.birthDate(), demographics.sex().name(), demographics.language(),
                        demographics.allergies(), demographics.pregnancyStatus().name(), demographics.weightKg(),
                        demographics.heightCm(), id)
                .update();
    }

    void addIdentifier(long patientId, PatientIdentifier identifier, String kind) {
        jdbc.sql("INSERT INTO patient_identifier (patient_id, issuer, value, kind) VALUES (?, ?, ?, ?)")
                .params(patientId, identifier.issuer(), identifier.value(), kind)
                .update();
    }

    /** Marks {@code mergedId} as merged into {@code survivorId}; its identifiers now lead to the survivor. */
    void merge(long mergedId, long survivorId) {
        jdbc.sql("UPDATE patient SET merged_into = ?, updated_at = now() WHERE id = ?").params(survivorId, mergedId).update();
        jdbc.sql("UPDATE patient_identifier SET kind = 'MERGED', patient_id = ? WHERE patient_id = ?")
                .params(survivorId, mergedId).update();
    }

    void recordHistory(long patientId, String actor, String change, String previous) {
        jdbc.sql("INSERT INTO patient_history (patient_id, changed_by, change, previous) VALUES (?, ?, ?, ?)")
                .params(patientId, actor, change, previous).update();
    }

    List<Long> temporaryNotMerged() {
        return jdbc.sql("SELECT id FROM patient WHERE temporary AND merged_into IS NULL ORDER BY id DESC")
                .query(Long.class).list();
    }

    /** Patients not merged into another who were born on this day: the candidates for a duplicate check. */
    List<Long> bornOn(java.time.LocalDate birthDate) {
        return jdbc.sql("SELECT id FROM patient WHERE birth_date = ? AND merged_into IS NULL ORDER BY id")
                .param(birthDate).query(Long.class).list();
    }

    long nextDowntimeNumber() {
        return jdbc.sql("SELECT nextval('downtime_patient_sequence')").query(Long.class).single();
    }

    long nextTemporaryNumber() {
        return jdbc.sql("SELECT nextval('temporary_patient_sequence')").query(Long.class).single();
    }

    private record IdentifierRow(PatientIdentifier identifier, String kind) {}

    private static Patient toPatient(ResultSet row, List<IdentifierRow> identifiers) throws SQLException {
        PatientIdentifier primary = identifiers.stream()
                .filter(identifier -> !identifier.kind().equals("MERGED"))
                .map(IdentifierRow::identifier)
                .findFirst()
                .orElse(identifiers.isEmpty() ? null : identifiers.get(0).identifier());
        List<PatientIdentifier> others = identifiers.stream().map(IdentifierRow::identifier)
                .filter(identifier -> !identifier.equals(primary)).toList();
        var birthDate = row.getDate("birth_date");
        return new Patient(row.getLong("id"), primary, others, new Demographics(
                row.getString("family_name"), row.getString("given_name"), row.getString("middle_name"),
                birthDate == null ? null : birthDate.toLocalDate(), Sex.valueOf(row.getString("sex")),
                row.getString("language"), row.getString("allergies"),
                PregnancyStatus.valueOf(row.getString("pregnancy_status")),
                row.getBigDecimal("weight_kg"), row.getBigDecimal("height_cm")),
                row.getBoolean("temporary"));
    }
}
