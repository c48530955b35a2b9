package io.hounsfield.archive.pages;

import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.SeriesSummary;
import io.hounsfield.archive.StudySearch;
import io.hounsfield.archive.StudySummary;
import io.hounsfield.archive.query.ArchiveQueries;
import io.hounsfield.archive.store.StoreLayout;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The study list and study page on the same matching as C-FIND: a search becomes a Study Root identifier, so the
 * web finds exactly what a workstation would.
 */
@Component
public class StudyBrowser {
    static final int MAX_STUDIES = 200;

    private final ArchiveQueries queries;

    StudyBrowser(ArchiveQueries queries) {
        this.queries = queries;
    }

    public List<StudySummary> studies(StudySearch search) {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
        put(keys, Tags.PatientName, VR.PN, search.patientName());
        put(keys, Tags.PatientID, VR.LO, search.patientId());
        put(keys, Tags.AccessionNumber, VR.SH, search.accessionNumber());
        put(keys, Tags.ModalitiesInStudy, VR.CS, search.modality());
        if (search.from() != null || search.to() != null) {
            keys.setString(Tags.StudyDate, VR.DA, format(search.from()) + "-" + format(search.to()));
        }
        return queries.find(QueryLevel.STUDY, keys, MAX_STUDIES).stream().map(StudyBrowser::study).toList();
    }

    public Optional<StudySummary> study(String studyInstanceUid) {
        if (!StoreLayout.isUid(studyInstanceUid)) {
            return Optional.empty();
        }
        Attributes keys = new Attributes();
        keys.setString(Tags.StudyInstanceUID, VR.UI, studyInstanceUid);
        return queries.find(QueryLevel.STUDY, keys, 1).stream().map(StudyBrowser::study).findFirst();
    }

    public List<SeriesSummary> series(String studyInstanceUid) {
        Attributes keys = new Attributes();
        keys.setString(Tags.StudyInstanceUID, VR.UI, studyInstanceUid);
        return queries.find(QueryLevel.SERIES, keys, 1000).stream().map(row -> new SeriesSummary(
                (String) row.get("series_instance_uid"), (Integer) row.get("series_number"),
                (String) row.get("modality"), (String) row.get("series_description"),
                (String) row.get("body_part_examined"), ((Number) row.get("series_instances")).longValue()))
                .toList();
    }

    private static StudySummary study(Map<String, Object> row) {
        return new StudySummary((String) row.get("study_instance_uid"), (String) row.get("patient_id"),
                (String) row.get("patient_name"), date(row.get("patient_birth_date")), (String) row.get("patient_sex"),
                date(row.get("study_date")), (String) row.get("accession_number"),
                (String) row.get("study_description"), (String) row.get("modalities"),
                ((Number) row.get("study_series")).longValue(), ((Number) row.get("study_instances")).longValue());
    }

    private static void put(Attributes keys, int tag, VR vr, String value) {
        if (value != null && !value.isBlank()) {
            keys.setString(tag, vr, value.strip());
        }
    }

    private static String format(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : null;
    }
}
