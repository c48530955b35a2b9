package io.hounsfield.worklist;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored MPPS instances: status and link to the exam in columns, the data set in explicit VR little endian. */
@Repository
class PerformedProcedureSteps {

    record Step(String sopInstanceUid, Long examId, String status, Attributes dataset) {}

    private final JdbcClient jdbc;

    PerformedProcedureSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when an instance with this UID exists already */
    boolean insert(String sopInstanceUid, Long examId, String stationAeTitle, Attributes dataset) {
        return jdbc.sql("""
                INSERT INTO performed_procedure_step (sop_instance_uid, exam_id, station_ae_title, status, dataset)
                VALUES (?, ?, ?, 'IN PROGRESS', ?) ON CONFLICT DO NOTHING""")
                .params(sopInstanceUid, examId, stationAeTitle, encode(dataset)).update() == 1;
    }

    Optional<Step> findForUpdate(String sopInstanceUid) {
        return jdbc.sql("SELECT * FROM performed_procedure_step WHERE sop_instance_uid = ? FOR UPDATE")
                .param(sopInstanceUid)
                .query((row, number) -> new Step(row.getString("sop_instance_uid"), (Long) row.getObject("exam_id"),
                        row.getString("status"), decode(row.getBytes("dataset"))))
                .optional();
    }

    void update(String sopInstanceUid, String status, String discontinuationReason, int seriesCount,
            Attributes dataset) {
        jdbc.sql("""
                UPDATE performed_procedure_step SET status = ?, discontinuation_reason = ?, series_count = ?,
                       dataset = ?, updated_at = now()
                WHERE sop_instance_uid = ?""")
                .params(status, discontinuationReason, seriesCount, encode(dataset), sopInstanceUid).update();
    }

    private static byte[] encode(Attributes dataset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new DicomWriter(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(dataset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Attributes decode(byte[] bytes) {
        try {
            return new DicomReader(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    ReadOptions.DEFAULT).readDataset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
