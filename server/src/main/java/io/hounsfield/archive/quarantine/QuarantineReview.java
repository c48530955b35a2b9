package io.hounsfield.archive.quarantine;

import io.hounsfield.archive.QuarantineComparison;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.IdentityComparison;
import io.hounsfield.patient.IdentitySide;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.system.Count;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the confirmation page of a quarantine action shows: the patient in the images beside the patient of the exam
 * they would be filed under (the typed accession number, else the one in the images), with a warning where sex or
 * birth date differ. Reading it reads patient data, so it is audited.
 */
@Component
public class QuarantineReview {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final AuditService audit;
    private final Clock clock;

    QuarantineReview(JdbcClient jdbc, ExamService exams, PatientService patients, ProcedureCatalog catalog,
            AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The images' side and, when an exam has the accession number, its patient's side.
     *
     * @param accession the exam to compare with; the study's own accession number when blank
     */
    public QuarantineComparison review(String studyInstanceUid, String accession) {
        ImageStudy study = study(studyInstanceUid);
        String accessionNumber = accession == null || accession.isBlank() ? study.accessionNumber() : accession.strip();
        LocalDate today = LocalDate.now(clock);
        IdentitySide images = new IdentitySide("Patient in the images", displayName(study.patientName()),
                IdentityComparison.sexLabel(study.sex()), study.birthDate() == null ? "unknown" : study.birthDate().toString(),
                IdentityComparison.age(study.birthDate(), today),
                study.patientId().isBlank() ? "none" : study.patientId(),
                List.of(new IdentitySide.Study(study.studyDate() == null ? "unknown" : study.studyDate().toString(),
                        study.description().isBlank() ? Count.of(study.instances(), "image", "images")
                                : study.description() + ", " + Count.of(study.instances(), "image", "images"), study.accessionNumber())));
        Optional<Exam> exam = accessionNumber.isBlank() ? Optional.empty() : exams.findByAccession(accessionNumber);
        Optional<Patient> ordered = exam.map(found -> patients.get(found.patientId()));
        IdentitySide orderedSide = ordered.map(patient -> IdentitySide.of("Patient of exam " + accessionNumber, patient,
                studiesOf(patient), today)).orElse(null);
        IdentityComparison comparison = ordered
                .map(patient -> IdentityComparison.of(
                        new IdentityComparison.Side("patient in the images", study.sex(), study.birthDate()),
                        new IdentityComparison.Side("patient of the exam", patient.demographics().sex(),
                                patient.demographics().birthDate()), today))
                .orElse(new IdentityComparison(List.of(), List.of()));
        audit.record(AuditEntry.success("QUARANTINE_REVIEWED", "STUDY", studyInstanceUid)
                .forPatient(ordered.map(patient -> patient.identifier().toString())
                        .orElse(study.patientId().isBlank() ? null : study.patientId()))
                .withDetail("compared with exam '" + accessionNumber + "'"));
        return new QuarantineComparison(studyInstanceUid, accessionNumber, study.instances(), images, orderedSide,
                comparison);
    }

    private List<IdentitySide.Study> studiesOf(Patient patient) {
        return exams.forPatient(patient.id()).stream()
                .map(exam -> new IdentitySide.Study(
                        exam.scheduledStart() == null ? "not booked" : WHEN.format(exam.scheduledStart().atZone(clock.getZone())),
                        catalog.find(exam.procedureCode()).map(Procedure::name).orElse(exam.procedureCode()),
                        exam.accessionNumber()))
                .toList();
    }

    private record ImageStudy(String patientId, String patientName, LocalDate birthDate, Sex sex,
            String accessionNumber, LocalDate studyDate, String description, long instances) {
    }

    private ImageStudy study(String studyInstanceUid) {
        return jdbc.sql("""
                SELECT st.patient_id, st.patient_name, st.patient_birth_date, st.patient_sex, st.accession_number,
                    st.study_date, st.study_description,
                    (SELECT count(*) FROM archive_instance i JOIN archive_series se ON se.id = i.series_id
                     WHERE se.study_id = st.id AND i.quarantine_reason IS NOT NULL AND i.rejected_at IS NULL) instances
                FROM archive_study st WHERE st.study_instance_uid = ?""").param(studyInstanceUid)
                .query((row, number) -> new ImageStudy(row.getString(1), row.getString(2), localDate(row.getDate(3)),
                        Sex.fromCode(row.getString(4)), row.getString(5), localDate(row.getDate(6)), row.getString(7),
                        row.getLong(8)))
                .optional()
                .filter(found -> found.instances() > 0)
                .orElseThrow(() -> new IllegalArgumentException("This study has no images waiting in quarantine."));
    }

    /** DICOM {@code Family^Given} as "Family, Given". */
    private static String displayName(String dicomName) {
        if (dicomName == null || dicomName.isBlank()) {
            return "none";
        }
        String[] parts = dicomName.split("\\^");
        return parts.length > 1 && !parts[1].isBlank() ? parts[0] + ", " + parts[1] : parts[0];
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
