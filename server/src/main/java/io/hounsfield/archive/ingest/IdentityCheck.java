package io.hounsfield.archive.ingest;

import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Identity reconciliation on ingest (IHE SWF, DOMAIN.md): an object is matched to its exam by Accession Number, or
 * else by the Study Instance UID the worklist gave; it must then carry a Patient ID of that exam's patient (any of
 * their identifiers), that patient's name, and that exam's accession number. Otherwise it is quarantined. Objects
 * that match no exam of Hounsfield's are filed as they are.
 *
 * <p>Names are compared as a modality stores them: family names must agree and, where both are given, the first
 * given names; case, accents and middle names are ignored. The name is checked only against the patient's current
 * identifier: under a merged or temporary (trauma) ID the images carry the name that went with it. An object
 * without a name or without an accession number is not held back for that alone.
 */
@Component
public class IdentityCheck {
    private final ExamService exams;
    private final PatientService patients;

    IdentityCheck(ExamService exams, PatientService patients) {
        this.exams = exams;
        this.patients = patients;
    }

    /** The reason to quarantine an object of {@code study}, or {@code null} when it may be filed. */
    String problemWith(IndexEntry.Study study) {
        Optional<Exam> exam = study.accessionNumber().isEmpty() ? Optional.empty()
                : exams.findByAccession(study.accessionNumber());
        if (exam.isEmpty()) {
            exam = exams.findByStudyInstanceUid(study.studyInstanceUid());
        }
        if (exam.isEmpty()) {
            return null;
        }
        Patient patient = patients.get(exam.get().patientId());
        List<String> problems = new ArrayList<>();
        boolean primaryId = patient.identifier().value().equals(study.patientId());
        boolean otherId = patient.otherIdentifiers().stream().map(PatientIdentifier::value)
                .anyMatch(value -> value.equals(study.patientId()));
        if (!primaryId && !otherId) {
            problems.add("Patient ID '" + study.patientId() + "' is not the ordered patient's ("
                    + patient.identifier().value() + ")");
        }
        String orderedName = patient.demographics().dicomName();
        if (primaryId && !study.patientName().isEmpty() && !sameName(study.patientName(), orderedName)) {
            problems.add("Patient Name '" + study.patientName() + "' is not the ordered patient's (" + orderedName + ")");
        }
        if (!study.accessionNumber().isEmpty() && !study.accessionNumber().equals(exam.get().accessionNumber())) {
            problems.add("Accession Number '" + study.accessionNumber() + "' is not the exam's of this study ("
                    + exam.get().accessionNumber() + ")");
        }
        return problems.isEmpty() ? null : "exam " + exam.get().accessionNumber() + ": " + String.join("; ", problems);
    }

    static boolean sameName(String stored, String ordered) {
        String[] a = components(stored);
        String[] b = components(ordered);
        if (!a[0].equals(b[0])) {
            return false;
        }
        String givenA = firstWord(a.length > 1 ? a[1] : "");
        String givenB = firstWord(b.length > 1 ? b[1] : "");
        return givenA.isEmpty() || givenB.isEmpty() || givenA.equals(givenB);
    }

    /** The alphabetic group's components (PS3.5 §6.2.1), folded to upper case without accents. */
    private static String[] components(String personName) {
        String alphabetic = personName.split("=", -1)[0];
        String folded = Normalizer.normalize(alphabetic, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        String[] parts = folded.split("\\^", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip().replaceAll("\\s+", " ");
        }
        return parts;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
