package io.hounsfield.archive;

import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Identity reconciliation on ingest (IHE SWF, DOMAIN.md): an object whose Accession Number names an exam must
 * carry a Patient ID of that exam's patient (any of their identifiers); otherwise it is quarantined. Objects
 * without an accession number, or with one Hounsfield did not issue, are filed as they are.
 */
@Component
class IdentityCheck {
    private final ExamService exams;
    private final PatientService patients;

    IdentityCheck(ExamService exams, PatientService patients) {
        this.exams = exams;
        this.patients = patients;
    }

    /** The reason to quarantine an object of {@code study}, or {@code null} when it may be filed. */
    String problemWith(IndexEntry.Study study) {
        if (study.accessionNumber().isEmpty()) {
            return null;
        }
        Optional<Exam> exam = exams.findByAccession(study.accessionNumber());
        if (exam.isEmpty()) {
            return null;
        }
        Patient patient = patients.get(exam.get().patientId());
        boolean known = Stream.concat(Stream.of(patient.identifier()), patient.otherIdentifiers().stream())
                .map(PatientIdentifier::value).anyMatch(value -> value.equals(study.patientId()));
        if (known) {
            return null;
        }
        return "Patient ID '" + study.patientId() + "' is not the patient of accession " + study.accessionNumber()
                + " (" + patient.identifier().value() + ")";
    }
}
