package io.hounsfield.qc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The QC program's tables: {@code qc_test}, {@code qc_tolerance} (versioned) and {@code qc_result}. */
@Repository
class QcRecords {

    private static final String[] POSITIONS = {"centre", "12h", "3h", "6h", "9h"};
    private final JdbcClient jdbc;

    QcRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves a result; an image analysed again (an event delivered twice) replaces its earlier result. */
    void save(QcResult result) {
        Map<String, Double> rois = result.roiMeans();
        jdbc.sql("""
                INSERT INTO qc_result (ae_title, test_code, sop_instance_uid, performed_at, outcome, mean_hu,
                    noise_sd_hu, uniformity_hu, roi_centre, roi_12h, roi_3h, roi_6h, roi_9h, diameter_mm, reasons,
                    notes, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sop_instance_uid) DO UPDATE SET outcome = EXCLUDED.outcome, mean_hu = EXCLUDED.mean_hu,
                    noise_sd_hu = EXCLUDED.noise_sd_hu, uniformity_hu = EXCLUDED.uniformity_hu,
                    roi_centre = EXCLUDED.roi_centre, roi_12h = EXCLUDED.roi_12h, roi_3h = EXCLUDED.roi_3h,
                    roi_6h = EXCLUDED.roi_6h, roi_9h = EXCLUDED.roi_9h, diameter_mm = EXCLUDED.diameter_mm,
                    reasons = EXCLUDED.reasons""")
                .params(result.aeTitle(), result.test(), result.sopInstanceUid(), Timestamp.from(result.performed()),
                        result.outcome(), result.meanHu(), result.noiseSdHu(), result.uniformityHu(),
                        rois.get("centre"), rois.get("12h"), rois.get("3h"), rois.get("6h"), rois.get("9h"),
                        result.phantomDiameterMm(), String.join("\n", result.reasons()), result.notes(),
                        result.recordedBy())
                .update();
    }

    List<QcResult> results(String aeTitle, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM qc_result WHERE (? = '' OR ae_title = ?) AND performed_at >= ? AND performed_at < ?
                ORDER BY performed_at, id""")
                .params(aeTitle, aeTitle, Timestamp.from(from), Timestamp.from(to)).query(QcRecords::result).list();
    }

    /** The newest time {@code test} was done on {@code aeTitle} (any outcome), if ever. */
    Optional<Instant> lastPerformed(String aeTitle, String test) {
        return jdbc.sql("SELECT max(performed_at) FROM qc_result WHERE ae_title = ? AND test_code = ?")
                .params(aeTitle, test).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The current value ({@code high}) of a tolerance, the device's own before the program's. */
    Optional<double[]> tolerance(String test, String name, String aeTitle) {
        return jdbc.sql("""
                SELECT low, high FROM qc_tolerance WHERE test_code = ? AND name = ? AND current
                    AND ae_title IN ('', ?) ORDER BY ae_title DESC LIMIT 1""")
                .params(test, name, aeTitle)
                .query((row, number) -> new double[] {nan(row, "low"), nan(row, "high")}).optional();
    }

    /** The noise SD of the first {@code count} passing water tests of the device, oldest first. */
    List<Double> firstPassingNoise(String aeTitle, int count) {
        return jdbc.sql("""
                SELECT noise_sd_hu FROM qc_result WHERE ae_title = ? AND test_code = 'CT_WATER_DAILY'
                    AND outcome = 'PASS' AND noise_sd_hu IS NOT NULL ORDER BY performed_at, id LIMIT ?""")
                .params(aeTitle, count).query(Double.class).list();
    }

    List<QcProgram.Test> tests(String modality) {
        return jdbc.sql("SELECT * FROM qc_test WHERE modality = ? ORDER BY CASE frequency WHEN 'DAILY' THEN 0"
                + " WHEN 'WEEKLY' THEN 1 WHEN 'MONTHLY' THEN 2 ELSE 3 END, code").param(modality)
                .query((row, n) -> new QcProgram.Test(row.getString("code"), row.getString("modality"),
                        row.getString("name"), row.getString("frequency"), row.getBoolean("computed"))).list();
    }

    /** The current tolerances, each with its source and version. */
    List<Map<String, Object>> currentTolerances() {
        return jdbc.sql("""
                SELECT t.*, q.name AS test_name FROM qc_tolerance t JOIN qc_test q ON q.code = t.test_code
                WHERE t.current ORDER BY q.modality, t.test_code, t.name, t.ae_title""").query().listOfRows();
    }

    /** A new version of a tolerance, retiring the one before (the old versions stay, with their sources). */
    void changeTolerance(long id, Double low, Double high, String source, String actor, Instant at) {
        Map<String, Object> old = jdbc.sql("SELECT * FROM qc_tolerance WHERE id = ? AND current").param(id).query()
                .singleRow();
        jdbc.sql("UPDATE qc_tolerance SET current = FALSE WHERE id = ?").param(id).update();
        jdbc.sql("""
                INSERT INTO qc_tolerance (test_code, name, ae_title, version, low, high, unit, source, changed_at,
                    changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(old.get("test_code"), old.get("name"), old.get("ae_title"),
                        ((Number) old.get("version")).intValue() + 1, low, high, old.get("unit"), source,
                        Timestamp.from(at), actor).update();
    }

    private static double nan(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }

    private static QcResult result(ResultSet row, int number) throws SQLException {
        Map<String, Double> rois = new LinkedHashMap<>();
        for (String position : POSITIONS) {
            double value = row.getDouble("roi_" + position);
            if (!row.wasNull()) {
                rois.put(position, value);
            }
        }
        String reasons = row.getString("reasons");
        return new QcResult(row.getString("sop_instance_uid"), row.getString("ae_title"), row.getString("test_code"),
                row.getTimestamp("performed_at").toInstant(), row.getString("outcome"), value(row, "mean_hu"),
                value(row, "noise_sd_hu"), value(row, "uniformity_hu"), rois, value(row, "diameter_mm"),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")), row.getString("notes"),
                row.getString("recorded_by"));
    }

    private static Double value(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
