package io.hounsfield.archive.query;

import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A C-FIND key the archive matches on and returns (PS3.4 §C.6.1.1, §C.6.2.1): its column in the query's result
 * ({@code alias}), the SQL expression it matches against, and how it matches (§C.2.2.2).
 */
public record QueryKey(int tag, VR vr, String alias, String expression, Matching matching) {

    enum Matching {
        /** Single value or list of UIDs (§C.2.2.2.2). */
        UID,
        /** Single value, or wildcards * and ? (§C.2.2.2.1, §C.2.2.2.4), case-sensitive. */
        TEXT,
        /** Like TEXT but case-insensitive, and a value without wildcards also matches names starting with it. */
        PERSON_NAME,
        /** Single date or range (§C.2.2.2.5). */
        DATE,
        /** Range of times (§C.2.2.2.5); a single value matches like TEXT. */
        TIME,
        /** Single integer value. */
        NUMBER,
        /** Any of the listed modalities among the study's series. */
        MODALITIES,
        /** Returned, not matched on (e.g. the number of related instances). */
        NONE
    }

    static final List<QueryKey> ALL = List.of(
            new QueryKey(Tags.PatientName, VR.PN, "patient_name", "st.patient_name", Matching.PERSON_NAME),
            new QueryKey(Tags.PatientID, VR.LO, "patient_id", "st.patient_id", Matching.TEXT),
            new QueryKey(Tags.IssuerOfPatientID, VR.LO, "issuer_of_patient_id", "st.issuer_of_patient_id",
                    Matching.TEXT),
            new QueryKey(Tags.PatientBirthDate, VR.DA, "patient_birth_date", "st.patient_birth_date", Matching.DATE),
            new QueryKey(Tags.PatientSex, VR.CS, "patient_sex", "st.patient_sex", Matching.TEXT),
            new QueryKey(Tags.NumberOfPatientRelatedStudies, VR.IS, "patient_studies", null, Matching.NONE),
            new QueryKey(Tags.NumberOfPatientRelatedSeries, VR.IS, "patient_series", null, Matching.NONE),
            new QueryKey(Tags.NumberOfPatientRelatedInstances, VR.IS, "patient_instances", null, Matching.NONE),
            new QueryKey(Tags.StudyInstanceUID, VR.UI, "study_instance_uid", "st.study_instance_uid", Matching.UID),
            new QueryKey(Tags.StudyDate, VR.DA, "study_date", "st.study_date", Matching.DATE),
            new QueryKey(Tags.StudyTime, VR.TM, "study_time", "st.study_time", Matching.TIME),
            new QueryKey(Tags.AccessionNumber, VR.SH, "accession_number", "st.accession_number", Matching.TEXT),
            new QueryKey(Tags.StudyID, VR.SH, "study_id", "st.study_id", Matching.TEXT),
            new QueryKey(Tags.StudyDescription, VR.LO, "study_description", "st.study_description", Matching.TEXT),
            new QueryKey(Tags.ReferringPhysicianName, VR.PN, "referring_physician_name",
                    "st.referring_physician_name", Matching.PERSON_NAME),
            new QueryKey(Tags.ModalitiesInStudy, VR.CS, "modalities", "st.id", Matching.MODALITIES),
            new QueryKey(Tags.NumberOfStudyRelatedSeries, VR.IS, "study_series", null, Matching.NONE),
            new QueryKey(Tags.NumberOfStudyRelatedInstances, VR.IS, "study_instances", null, Matching.NONE),
            new QueryKey(Tags.SeriesInstanceUID, VR.UI, "series_instance_uid", "se.series_instance_uid",
                    Matching.UID),
            new QueryKey(Tags.Modality, VR.CS, "modality", "se.modality", Matching.TEXT),
            new QueryKey(Tags.SeriesNumber, VR.IS, "series_number", "se.series_number", Matching.NUMBER),
            new QueryKey(Tags.SeriesDescription, VR.LO, "series_description", "se.series_description",
                    Matching.TEXT),
            new QueryKey(Tags.BodyPartExamined, VR.CS, "body_part_examined", "se.body_part_examined",
                    Matching.TEXT),
            new QueryKey(Tags.SeriesDate, VR.DA, "series_date", "se.series_date", Matching.DATE),
            new QueryKey(Tags.SeriesTime, VR.TM, "series_time", "se.series_time", Matching.TIME),
            new QueryKey(Tags.NumberOfSeriesRelatedInstances, VR.IS, "series_instances", null, Matching.NONE),
            new QueryKey(Tags.SOPInstanceUID, VR.UI, "sop_instance_uid", "i.sop_instance_uid", Matching.UID),
            new QueryKey(Tags.SOPClassUID, VR.UI, "sop_class_uid", "i.sop_class_uid", Matching.UID),
            new QueryKey(Tags.InstanceNumber, VR.IS, "instance_number", "i.instance_number", Matching.NUMBER),
            new QueryKey(Tags.Rows, VR.US, "image_rows", "i.image_rows", Matching.NUMBER),
            new QueryKey(Tags.Columns, VR.US, "image_columns", "i.image_columns", Matching.NUMBER),
            new QueryKey(Tags.NumberOfFrames, VR.IS, "number_of_frames", "i.number_of_frames", Matching.NUMBER),
            new QueryKey(Tags.BitsAllocated, VR.US, "bits_allocated", "i.bits_allocated", Matching.NUMBER));

    static final Map<Integer, QueryKey> BY_TAG = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(QueryKey::tag, Function.identity()));
}
