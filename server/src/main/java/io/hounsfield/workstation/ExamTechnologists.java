package io.hounsfield.workstation;

import io.hounsfield.archive.StudyImageCount;
import io.hounsfield.quality.PerformingTechnologists;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The performing technologist the cockpit recorded when the exam was completed, per study (for the reject rates). */
@Repository
class ExamTechnologists implements PerformingTechnologists {

    private final JdbcClient jdbc;

    ExamTechnologists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> of(Collection<StudyImageCount> studies) {
        Map<String, String> technologists = new HashMap<>();
        if (studies.isEmpty()) {
            return technologists;
        }
        // The modality may have made its own Study Instance UID; the accession number from the worklist still matches.
        jdbc.sql("""
                SELECT s.uid, d.performing_technologist FROM unnest(?::varchar[], ?::varchar[]) AS s (uid, accession)
                JOIN exam e ON e.study_instance_uid = s.uid OR (s.accession <> '' AND e.accession_number = s.accession)
                JOIN exam_documentation d ON d.exam_id = e.id
                ORDER BY e.study_instance_uid = s.uid""")
                .param(studies.stream().map(StudyImageCount::studyInstanceUid).toArray(String[]::new))
                .param(studies.stream().map(StudyImageCount::accessionNumber).toArray(String[]::new))
                .query((row, number) -> technologists.put(row.getString(1), row.getString(2))).list();
        return technologists;
    }
}
