package io.hounsfield.worklist;

import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.PatientService;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the leads that a modality started an exam nobody verified in the exam cockpit (docs/workflow.md). */
@Component
class UnverifiedStarts {

    private final NotificationService notifications;
    private final PatientService patients;
    private final ProcedureCatalog catalog;

    UnverifiedStarts(NotificationService notifications, PatientService patients, ProcedureCatalog catalog) {
        this.notifications = notifications;
        this.patients = patients;
        this.catalog = catalog;
    }

    void tellLeads(Exam exam, Actor modality) {
        String patient = patients.get(exam.patientId()).identifier().toString();
        notifications.notify(List.of("LEAD"), exam.accessionNumber(), patient,
                modality.name() + " reported " + catalog.get(exam.procedureCode()).name() + " ("
                        + exam.accessionNumber() + ") as being performed, but nobody verified the patient and the"
                        + " procedure in the exam cockpit. Check with the technologist that the right patient was"
                        + " imaged for the right procedure.", "/exams/" + exam.id(), modality);
    }
}
