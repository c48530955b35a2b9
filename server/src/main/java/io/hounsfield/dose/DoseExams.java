package io.hounsfield.dose;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of each study's dose in a line (dose_exam, V49__dose.sql). */
@Repository
class DoseExams {
    private static final RowMapper<DoseSummary> SUMMARY = (row, number) -> new DoseSummary(
            row.getString("study_instance_uid"), (Long) row.getObject("exam_id"), (Long) row.getObject("patient_id"),
            row.getString("accession_number"), row.getString("protocol_code"), row.getString("protocol"),
            row.getString("body_part"), row.getString("room"), row.getString("modality"), row.getBoolean("adult"),
            row.getTimestamp("performed_at").toInstant(), DoseRecords.number(row, "ctdivol_mgy"),
            DoseRecords.number(row, "dlp_total_mgy_cm"), DoseRecords.number(row, "ssde_mgy"), DoseRecords.number(row, "dap_total_gy_cm2"),
            DoseRecords.number(row, "dose_rp_total_mgy"), DoseRecords.number(row, "fluoro_time_total_s"), row.getBoolean("partial"));

    private final JdbcClient jdbc;

    DoseExams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(DoseSummary summary) {
        jdbc.sql("""
                INSERT INTO dose_exam (study_instance_uid, exam_id, patient_id, accession_number, protocol_code,
                    protocol, body_part, room, modality, adult, performed_at, ctdivol_mgy, dlp_total_mgy_cm, ssde_mgy,
                    dap_total_gy_cm2, dose_rp_total_mgy, fluoro_time_total_s, partial)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (study_instance_uid) DO UPDATE SET exam_id = excluded.exam_id,
                    patient_id = excluded.patient_id, accession_number = excluded.accession_number,
                    protocol_code = excluded.protocol_code, protocol = excluded.protocol,
                    body_part = excluded.body_part, room = excluded.room, modality = excluded.modality,
                    adult = excluded.adult, performed_at = excluded.performed_at, ctdivol_mgy = excluded.ctdivol_mgy,
                    dlp_total_mgy_cm = excluded.dlp_total_mgy_cm, ssde_mgy = excluded.ssde_mgy,
                    dap_total_gy_cm2 = excluded.dap_total_gy_cm2, dose_rp_total_mgy = excluded.dose_rp_total_mgy,
                    fluoro_time_total_s = excluded.fluoro_time_total_s, partial = excluded.partial""")
                .params(summary.studyInstanceUid(), summary.examId(), summary.patientId(), summary.accessionNumber(),
                        DoseRecords.clip(summary.protocolCode(), 64), DoseRecords.clip(summary.protocol(), 200), DoseRecords.clip(summary.bodyPart(), 40),
                        DoseRecords.clip(summary.room(), 64), DoseRecords.clip(summary.modality(), 16), summary.adult(),
                        Timestamp.from(summary.performedAt()), summary.ctdiVolMGy(), summary.dlpTotalMGyCm(),
                        summary.ssdeMGy(), summary.dapTotalGyCm2(), summary.doseRpTotalMGy(),
                        summary.fluoroTimeTotalS(), summary.partial())
                .update();
    }

    /** The patient's studies with dose performed since {@code since}, newest first. */
    List<DoseSummary> ofPatient(long patientId, Instant since) {
        return jdbc.sql("SELECT * FROM dose_exam WHERE patient_id = ? AND performed_at >= ? ORDER BY performed_at DESC")
                .params(patientId, Timestamp.from(since)).query(SUMMARY).list();
    }

    /** Every study with dose performed since {@code since}, oldest first. */
    List<DoseSummary> since(Instant since) {
        return jdbc.sql("SELECT * FROM dose_exam WHERE performed_at >= ? ORDER BY performed_at, study_instance_uid")
                .param(Timestamp.from(since)).query(SUMMARY).list();
    }

    /**
     * The median and 75th percentile of {@code metric} (CTDIVOL or DAP) over the protocol's other studies since
     * {@code since}, if there are at least {@link ExpectedRange#MINIMUM}.
     */
    Optional<ExpectedRange> expected(String protocolCode, String exceptStudy, String metric, Instant since) {
        boolean ct = "CTDIVOL".equals(metric);
        String column = ct ? "ctdivol_mgy" : "dap_total_gy_cm2";
        return jdbc.sql("SELECT count(" + column + ") AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY " + column
                + ") AS median, percentile_cont(0.75) WITHIN GROUP (ORDER BY " + column + ") AS q3 FROM dose_exam"
                + " WHERE protocol_code = ? AND study_instance_uid <> ? AND performed_at >= ? AND adult")
                .params(protocolCode, exceptStudy, Timestamp.from(since))
                .query((row, number) -> row.getInt("n") < ExpectedRange.MINIMUM ? null : new ExpectedRange(
                        row.getInt("n"), ct ? "highest CTDIvol" : "dose area product", ct ? "mGy" : "Gy·cm²",
                        Math.round(row.getDouble("median") * 100) / 100.0, Math.round(row.getDouble("q3") * 100) / 100.0))
                .optional();
    }

    /** A merge leaves one patient: the dose history of the merged record follows it. */
    void movePatient(long from, long to) {
        jdbc.sql("UPDATE dose_exam SET patient_id = ? WHERE patient_id = ?").params(to, from).update();
    }
}
