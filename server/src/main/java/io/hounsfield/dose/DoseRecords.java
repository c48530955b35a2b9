package io.hounsfield.dose;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dose tables (V49__dose.sql): one row per dose report with its events, one per image with dose values. */
@Repository
class DoseRecords {
    /** Where a dose object came from: the stored instance, and the exam and patient it belongs to if known. */
    record Origin(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String sopClassUid,
            String accessionNumber, Long examId, String patient) {
    }

    /** A stored report as read back. */
    record StoredReport(String sopInstanceUid, String patient, ReadDose dose) {
    }

    private final JdbcClient jdbc;

    DoseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps what a report said, replacing what an earlier delivery of the same object left. */
    void saveReport(Origin origin, ReadDose dose, Instant readAt) {
        jdbc.sql("DELETE FROM dose_report WHERE sop_instance_uid = ?").param(origin.sopInstanceUid()).update();
        long id = jdbc.sql("""
                INSERT INTO dose_report (sop_instance_uid, study_instance_uid, series_instance_uid, accession_number,
                    exam_id, patient, sop_class_uid, template, dlp_total_mgy_cm, dap_total_gy_cm2, dose_rp_total_mgy,
                    fluoro_time_total_s, problems, read_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(origin.sopInstanceUid(), origin.studyInstanceUid(), origin.seriesInstanceUid(),
                        origin.accessionNumber(), origin.examId(), origin.patient(), origin.sopClassUid(),
                        dose.template(), dose.dlpTotalMGyCm(), dose.dapTotalGyCm2(), dose.doseRpTotalMGy(),
                        dose.fluoroTimeTotalS(), dose.problems().toArray(String[]::new), Timestamp.from(readAt))
                .query(Long.class).single();
        int ordinal = 0;
        for (ReadDose.Irradiation event : dose.events()) {
            jdbc.sql("""
                    INSERT INTO dose_event (report_id, ordinal, ct, event_uid, label, ctdivol_mgy, dlp_mgy_cm, phantom,
                        dap_gy_cm2, dose_rp_mgy, ssde_mgy, water_eq_diameter_mm)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ordinal++, event.ct(), event.eventUid(), clip(event.label(), 200),
                            event.ctdiVolMGy(), event.dlpMGyCm(), event.phantom(), event.dapGyCm2(), event.doseRpMGy(),
                            event.ssdeMGy(), event.waterEqDiameterMm())
                    .update();
        }
    }

    /** Keeps an image's dose values; the same image again replaces them. */
    void saveImage(Origin origin, HeaderDose dose, Instant readAt) {
        jdbc.sql("""
                INSERT INTO dose_image (sop_instance_uid, study_instance_uid, series_instance_uid, accession_number,
                    exam_id, modality, acquisition_number, ctdivol_mgy, dap_gy_cm2, entrance_dose_mgy, dose_rp_mgy,
                    exposure_index, target_exposure_index, deviation_index, fluoro_time_s, read_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sop_instance_uid) DO UPDATE SET exam_id = excluded.exam_id,
                    acquisition_number = excluded.acquisition_number, ctdivol_mgy = excluded.ctdivol_mgy,
                    dap_gy_cm2 = excluded.dap_gy_cm2, entrance_dose_mgy = excluded.entrance_dose_mgy,
                    dose_rp_mgy = excluded.dose_rp_mgy, exposure_index = excluded.exposure_index,
                    target_exposure_index = excluded.target_exposure_index, deviation_index = excluded.deviation_index,
                    fluoro_time_s = excluded.fluoro_time_s, read_at = excluded.read_at""")
                .params(origin.sopInstanceUid(), origin.studyInstanceUid(), origin.seriesInstanceUid(),
                        origin.accessionNumber(), origin.examId(), clip(dose.modality(), 16), dose.acquisitionNumber(),
                        dose.ctdiVolMGy(), dose.dapGyCm2(), dose.entranceDoseMGy(), dose.doseRpMGy(),
                        dose.exposureIndex(), dose.targetExposureIndex(), dose.deviationIndex(), dose.fluoroTimeS(),
                        Timestamp.from(readAt))
                .update();
    }

    /** The dose of an exam (or of a study no exam matched, {@code examId} null): see {@link ExamTotals}. */
    ExamDose doseOf(Long examId, String studyInstanceUid) {
        long exam = examId == null ? -1 : examId;
        List<ReadDose> reports = reportsOfExam(exam, studyInstanceUid).stream().map(StoredReport::dose).toList();
        if (!reports.isEmpty()) {
            return ExamTotals.of(reports, List.of(), List.of());
        }
        List<Map.Entry<String, HeaderDose>> images = imagesOfExam(exam, studyInstanceUid);
        return ExamTotals.of(reports, images, images.isEmpty() ? stepsOfExam(exam) : List.of());
    }

    /** The first image of the study whose header gave dose, if any. */
    Optional<String> firstImageOf(String studyInstanceUid) {
        return jdbc.sql("SELECT sop_instance_uid FROM dose_image WHERE study_instance_uid = ? ORDER BY read_at, id LIMIT 1")
                .param(studyInstanceUid).query(String.class).optional();
    }

    /** Keeps what a performed procedure step said about dose; the same step again replaces it. */
    void saveStep(Origin origin, HeaderDose dose, Instant readAt) {
        jdbc.sql("""
                INSERT INTO dose_step (step_uid, exam_id, dap_gy_cm2, entrance_dose_mgy, dose_rp_mgy, fluoro_time_s,
                    read_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (step_uid) DO UPDATE SET dap_gy_cm2 = excluded.dap_gy_cm2,
                    entrance_dose_mgy = excluded.entrance_dose_mgy, dose_rp_mgy = excluded.dose_rp_mgy,
                    fluoro_time_s = excluded.fluoro_time_s, read_at = excluded.read_at""")
                .params(origin.sopInstanceUid(), origin.examId(), dose.dapGyCm2(), dose.entranceDoseMGy(),
                        dose.doseRpMGy(), dose.fluoroTimeS(), Timestamp.from(readAt))
                .update();
    }

    private List<HeaderDose> stepsOfExam(long examId) {
        return jdbc.sql("SELECT * FROM dose_step WHERE exam_id = ? ORDER BY read_at, step_uid").param(examId)
                .query((row, number) -> new HeaderDose(null, null, null, number(row, "dap_gy_cm2"),
                        number(row, "entrance_dose_mgy"), number(row, "dose_rp_mgy"), null, null, null,
                        number(row, "fluoro_time_s")))
                .list();
    }

    /** The reports of a study, in the order they were read. */
    List<StoredReport> reportsOfStudy(String studyInstanceUid) {
        return reports("r.study_instance_uid = ?", studyInstanceUid);
    }

    /** The reports of an exam: filed under it, or carrying its Study Instance UID. */
    List<StoredReport> reportsOfExam(long examId, String studyInstanceUid) {
        return reports("(r.exam_id = ? OR r.study_instance_uid = ?)", examId, studyInstanceUid);
    }

    /** The images with dose values of an exam, in the order they were read, with their series UID. */
    List<Map.Entry<String, HeaderDose>> imagesOfExam(long examId, String studyInstanceUid) {
        return jdbc.sql("""
                SELECT * FROM dose_image WHERE exam_id = ? OR study_instance_uid = ? ORDER BY read_at, id""")
                .params(examId, studyInstanceUid)
                .query((row, number) -> Map.entry(row.getString("series_instance_uid"), new HeaderDose(
                        row.getString("modality"), (Integer) row.getObject("acquisition_number"),
                        number(row, "ctdivol_mgy"), number(row, "dap_gy_cm2"), number(row, "entrance_dose_mgy"),
                        number(row, "dose_rp_mgy"), number(row, "exposure_index"),
                        number(row, "target_exposure_index"), number(row, "deviation_index"),
                        number(row, "fluoro_time_s"))))
                .list();
    }

    private List<StoredReport> reports(String where, Object... parameters) {
        Map<Long, StoredReport> reports = new LinkedHashMap<>();
        Map<Long, List<ReadDose.Irradiation>> events = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM dose_report r WHERE " + where + " ORDER BY r.read_at, r.id").params(parameters)
                .query((ResultSet row) -> {
                    long id = row.getLong("id");
                    List<ReadDose.Irradiation> own = new ArrayList<>();
                    events.put(id, own);
                    reports.put(id, new StoredReport(row.getString("sop_instance_uid"), row.getString("patient"),
                            new ReadDose(row.getString("template"), own, number(row, "dlp_total_mgy_cm"),
                                    number(row, "dap_total_gy_cm2"), number(row, "dose_rp_total_mgy"),
                                    number(row, "fluoro_time_total_s"), strings(row.getArray("problems")))));
                });
        if (!reports.isEmpty()) {
            jdbc.sql("SELECT * FROM dose_event WHERE report_id = ANY(?) ORDER BY report_id, ordinal")
                    .param(reports.keySet().toArray(Long[]::new))
                    .query((ResultSet row) -> {
                        events.get(row.getLong("report_id")).add(new ReadDose.Irradiation(row.getBoolean("ct"),
                                row.getString("event_uid"), row.getString("label"), number(row, "ctdivol_mgy"),
                                number(row, "dlp_mgy_cm"), row.getString("phantom"), number(row, "dap_gy_cm2"),
                                number(row, "dose_rp_mgy"), number(row, "ssde_mgy"),
                                number(row, "water_eq_diameter_mm")));
                    });
        }
        return List.copyOf(reports.values());
    }

    /** A nullable number column. */
    static Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
