package io.hounsfield.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The check results and thresholds, in tables {@code quality_check} and {@code quality_threshold}. */
@Repository
class QualityRecords {

    private final JdbcClient jdbc;

    QualityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the results of one instance. An acknowledgement stays while the outcome it acknowledged stays, so
     * that the same event delivered twice changes nothing.
     */
    void save(String studyUid, String seriesUid, String sopUid, List<CheckResult> results, Instant at) {
        jdbc.sql("DELETE FROM quality_check WHERE sop_instance_uid = ? AND code NOT IN (" + String.join(",",
                results.stream().map(result -> "?").toList()) + ")").param(sopUid)
                .params(results.stream().map(CheckResult::code).map(Object.class::cast).toList()).update();
        for (CheckResult result : results) {
            jdbc.sql("""
                    INSERT INTO quality_check (sop_instance_uid, code, study_instance_uid, series_instance_uid, outcome,
                        value, threshold, source, checked_at, finding)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sop_instance_uid, code) DO UPDATE SET study_instance_uid = EXCLUDED.study_instance_uid,
                        series_instance_uid = EXCLUDED.series_instance_uid, value = EXCLUDED.value,
                        threshold = EXCLUDED.threshold, source = EXCLUDED.source, finding = EXCLUDED.finding,
                        acknowledged_at = CASE WHEN quality_check.outcome = EXCLUDED.outcome
                            THEN quality_check.acknowledged_at END,
                        acknowledged_by = CASE WHEN quality_check.outcome = EXCLUDED.outcome
                            THEN quality_check.acknowledged_by END,
                        acknowledgement = CASE WHEN quality_check.outcome = EXCLUDED.outcome
                            THEN quality_check.acknowledgement END,
                        outcome = EXCLUDED.outcome, checked_at = EXCLUDED.checked_at""")
                    .params(sopUid, result.code(), studyUid, seriesUid, result.outcome(), result.value(),
                            cut(result.threshold()), cut(result.source()), java.sql.Timestamp.from(at),
                            cut(result.finding()))
                    .update();
        }
    }

    /** The results of a study's instances, grouped per instance in series and storing order. */
    List<InstanceChecks> forStudy(String studyUid) {
        Map<String, List<CheckResult>> bySop = new LinkedHashMap<>();
        Map<String, String> seriesOf = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT * FROM quality_check WHERE study_instance_uid = ?
                ORDER BY series_instance_uid, checked_at, sop_instance_uid, CASE code WHEN 'IDENTITY' THEN 0
                    WHEN 'EXPOSURE_INDEX' THEN 1 WHEN 'BLANK' THEN 2 WHEN 'SATURATED' THEN 3 WHEN 'LATERALITY' THEN 4
                    ELSE 5 END""").param(studyUid).query((row, number) -> {
                    String sop = row.getString("sop_instance_uid");
                    seriesOf.put(sop, row.getString("series_instance_uid"));
                    bySop.computeIfAbsent(sop, key -> new ArrayList<>()).add(result(row));
                    return sop;
                }).list();
        return bySop.entrySet().stream()
                .map(entry -> new InstanceChecks(entry.getKey(), seriesOf.get(entry.getKey()), entry.getValue()))
                .toList();
    }

    int acknowledge(String studyUid, String reason, String actor, Instant at) {
        return jdbc.sql("""
                UPDATE quality_check SET acknowledged_at = ?, acknowledged_by = ?, acknowledgement = ?
                WHERE study_instance_uid = ? AND outcome <> 'PASS' AND acknowledged_at IS NULL""")
                .params(java.sql.Timestamp.from(at), actor, reason, studyUid).update();
    }

    /** The newest version of every threshold. */
    List<Threshold> currentThresholds() {
        return jdbc.sql("""
                SELECT DISTINCT ON (name, upper(manufacturer)) * FROM quality_threshold
                ORDER BY name, upper(manufacturer), id DESC""").query(QualityRecords::threshold).list();
    }

    List<Threshold> thresholdHistory() {
        return jdbc.sql("SELECT * FROM quality_threshold ORDER BY id DESC LIMIT 500")
                .query(QualityRecords::threshold).list();
    }

    void addThreshold(String name, String manufacturer, double value, String source, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO quality_threshold (name, manufacturer, value, source, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name, manufacturer, value, source, java.sql.Timestamp.from(at), actor).update();
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private static CheckResult result(ResultSet row) throws SQLException {
        double number = row.getDouble("value");
        Double value = row.wasNull() ? null : number;
        return new CheckResult(row.getString("code"), row.getString("outcome"), value,
                row.getString("threshold"), row.getString("source"), row.getString("finding"),
                row.getString("acknowledgement"), row.getString("acknowledged_by"));
    }

    private static Threshold threshold(ResultSet row, int number) throws SQLException {
        return new Threshold(row.getLong("id"), row.getString("name"), row.getString("manufacturer"),
                row.getDouble("value"), row.getString("source"), row.getTimestamp("recorded_at").toInstant(),
                row.getString("recorded_by"));
    }
}
