package io.hounsfield.archive;

import io.hounsfield.archive.query.QueryKey;
import io.hounsfield.dicom.dict.Tags;
import java.util.List;
import java.util.Set;

/**
 * The Query/Retrieve levels (PS3.4 §C.3): what one match is, the SQL that lists matches with the aliases of
 * {@link QueryKey}, and the unique keys of the levels above that a hierarchical query must give (§C.4.1.2.1;
 * relational queries are not supported). Quarantined instances count for nothing.
 */
public enum QueryLevel {
    PATIENT("""
            max(st.patient_name) patient_name, st.patient_id, st.issuer_of_patient_id,
            max(st.patient_birth_date) patient_birth_date, max(st.patient_sex) patient_sex,
            count(*) patient_studies, sum(v.series_count) patient_series, sum(v.instance_count) patient_instances""",
            Sql.STUDIES, " GROUP BY st.patient_id, st.issuer_of_patient_id ORDER BY st.patient_id",
            List.of(), List.of()),
    STUDY(Sql.PATIENT_COLUMNS + ", " + Sql.STUDY_COLUMNS + ", " + Sql.STUDY_COUNTS, Sql.STUDIES,
            " ORDER BY st.study_date DESC NULLS LAST, st.id", List.of(), List.of(Tags.PatientID)),
    SERIES(Sql.PATIENT_COLUMNS + ", " + Sql.STUDY_COLUMNS + ", " + Sql.SERIES_COLUMNS + ", " + Sql.SERIES_COUNT,
            """
            archive_series se JOIN archive_study st ON st.id = se.study_id
            CROSS JOIN LATERAL (SELECT count(*) instance_count FROM archive_instance i
                WHERE i.series_id = se.id AND i.quarantine_reason IS NULL) v
            WHERE v.instance_count > 0""", " ORDER BY se.series_number NULLS LAST, se.id",
            List.of(Tags.StudyInstanceUID), List.of(Tags.PatientID, Tags.StudyInstanceUID)),
    IMAGE(Sql.PATIENT_COLUMNS + ", " + Sql.STUDY_COLUMNS + ", " + Sql.SERIES_COLUMNS + ", " + Sql.INSTANCE_COLUMNS,
            """
            archive_instance i JOIN archive_series se ON se.id = i.series_id
            JOIN archive_study st ON st.id = se.study_id
            WHERE i.quarantine_reason IS NULL""", " ORDER BY i.instance_number NULLS LAST, i.id",
            List.of(Tags.StudyInstanceUID, Tags.SeriesInstanceUID),
            List.of(Tags.PatientID, Tags.StudyInstanceUID, Tags.SeriesInstanceUID));

    private static final class Sql {
        static final String PATIENT_COLUMNS = """
                st.patient_name, st.patient_id, st.issuer_of_patient_id, st.patient_birth_date, st.patient_sex""";
        static final String STUDY_COLUMNS = """
                st.study_instance_uid, st.study_date, st.study_time, st.accession_number, st.study_id,
                st.study_description, st.referring_physician_name""";
        static final String STUDY_COUNTS = """
                v.modalities, v.series_count study_series, v.instance_count study_instances""";
        static final String SERIES_COLUMNS = """
                se.series_instance_uid, se.modality, se.series_number, se.series_description, se.body_part_examined,
                se.series_date, se.series_time""";
        static final String SERIES_COUNT = "v.instance_count series_instances";
        static final String INSTANCE_COLUMNS = """
                i.sop_instance_uid, i.sop_class_uid, i.instance_number, i.image_rows, i.image_columns,
                i.number_of_frames, i.bits_allocated""";
        static final String STUDIES = """
                archive_study st CROSS JOIN LATERAL (SELECT count(DISTINCT se.id) series_count,
                    count(*) instance_count, string_agg(DISTINCT se.modality, '\\') modalities
                    FROM archive_series se JOIN archive_instance i ON i.series_id = se.id
                    WHERE se.study_id = st.id AND i.quarantine_reason IS NULL) v
                WHERE v.instance_count > 0""";

        /** The result column names of a select list: each item's last word. */
        static Set<String> aliases(String select) {
            Set<String> aliases = new java.util.HashSet<>();
            for (String item : select.split(",(?![^(]*\\))")) {
                String[] words = item.strip().split("[\\s.]+");
                aliases.add(words[words.length - 1]);
            }
            return aliases;
        }
    }

    /** The staff's visibility condition in the SQL above, which {@link Audience} replaces for others. */
    static final String VISIBLE = "i.quarantine_reason IS NULL";

    private final String select;
    private final String fromWhere;
    private final String tail;
    private final List<Integer> studyRootUniqueKeys;
    private final List<Integer> patientRootUniqueKeys;
    private final Set<String> aliases;

    QueryLevel(String select, String fromWhere, String tail, List<Integer> studyRootUniqueKeys,
            List<Integer> patientRootUniqueKeys) {
        this.select = select;
        this.fromWhere = fromWhere;
        this.tail = tail;
        this.studyRootUniqueKeys = studyRootUniqueKeys;
        this.patientRootUniqueKeys = patientRootUniqueKeys;
        this.aliases = Sql.aliases(select);
    }

    /** {@code SELECT ... FROM ... WHERE <visible>}; conditions are appended with AND, then {@link #tail()}. */
    public String selectFromWhere() {
        return "SELECT " + select + " FROM " + fromWhere;
    }

    public String tail() {
        return tail;
    }

    public List<Integer> uniqueKeysAbove(boolean patientRoot) {
        return patientRoot ? patientRootUniqueKeys : studyRootUniqueKeys;
    }

    /** Whether {@code key} is answered at this level (keys of the levels below, and their counts, are not). */
    public boolean answers(QueryKey key) {
        return aliases.contains(key.alias());
    }
}
