package io.hounsfield.workstation;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.security.Role;
import io.hounsfield.workstation.CockpitRecords.ScreenEntry;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A screen finding after the exam started (pregnancy disclosed after a CT abdomen, say). The screen's answer
 * is not overwritten: the amendment is a new answer with who, when, why and the answer it replaces, kept in the
 * exam's history and audited, and the lead is notified, with the radiologist (and physicist) when the new
 * answer is positive (DOMAIN.md SAF-12: the radiologist is told; a medical physicist estimates fetal dose).
 */
@Service
class LateFindings {

    private final SafetyScreens screens;
    private final CockpitRecords records;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final NotificationService notifications;
    private final AuditService audit;

    LateFindings(SafetyScreens screens, CockpitRecords records, ExamService exams, PatientService patients,
            ProcedureCatalog catalog, NotificationService notifications, AuditService audit) {
        this.screens = screens;
        this.records = records;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.notifications = notifications;
        this.audit = audit;
    }

    @Transactional
    public void amend(long examId, Screen screen, String answer, String reason, Actor actor) {
        Exam exam = exams.get(examId);
        if (!screens.locked(exam)) {
            throw SafetyScreens.refused("The exam has not started: record the " + screen.title() + " again instead.");
        }
        if (!screens.screensFor(exam).contains(screen)) {
            throw SafetyScreens.refused("This exam has no " + screen.title() + ".");
        }
        if (!screen.accepts(answer)) {
            throw SafetyScreens.refused("Choose the new answer of the " + screen.title() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw SafetyScreens.refused("Say what was found after the start, and how.");
        }
        String previous = records.lastScreen(examId, screen).map(CockpitRecords.Screening::answer).orElse(null);
        if (answer.equals(previous)) {
            throw SafetyScreens.refused("That is the answer already recorded.");
        }
        String why = reason.strip();
        records.recordScreen(examId, new ScreenEntry(screen, answer, "late finding after the exam started", null, null,
                previous, why), actor.name());
        String patient = patients.get(exam.patientId()).identifier().toString();
        audit.record(actor, AuditEntry.success(screen.name() + "_AMENDED", "EXAM", exam.accessionNumber())
                .forPatient(patient).withDetail((previous == null ? "not answered" : previous) + " -> " + answer + ": " + why));
        notifications.notify(recipients(screen, answer), exam.accessionNumber(), patient,
                message(exam, screen, previous, answer, why, actor), "/exams/" + examId, actor);
    }

    private static Set<String> recipients(Screen screen, String answer) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(Role.LEAD.name());
        screen.lateFindingRoles(answer).forEach(role -> roles.add(role.name()));
        return roles;
    }

    private String message(Exam exam, Screen screen, String previous, String answer, String why, Actor actor) {
        String procedure = catalog.get(exam.procedureCode()).name();
        String action = !screen.positive(answer) ? "" : " " + capitalized(screen.whoDecides())
                + " should review the exam" + (screen == Screen.PREGNANCY ? "; a medical physicist may estimate the fetal dose." : ".");
        return "Late finding on " + procedure + " (" + exam.accessionNumber() + "), after the exam started: the "
                + screen.title() + " changed from “" + screen.label(previous) + "” to “" + screen.label(answer)
                + "”, recorded by " + actor.name() + ". Reason: " + why + (why.endsWith(".") ? "" : ".") + action;
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase() + text.substring(1);
    }
}
