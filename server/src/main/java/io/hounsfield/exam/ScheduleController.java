package io.hounsfield.exam;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The day per room, the exams waiting for a slot, and booking or moving them. */
@Controller
class ScheduleController {

    /** One booking as the schedule shows it. */
    record Row(Exam exam, String patientName, String patientIdentifier, String procedureName) {}

    private final ExamService exams;
    private final SchedulingService scheduling;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final DicomPeerRegistry peers;
    private final AuditService audit;
    private final Clock clock;

    ScheduleController(ExamService exams, SchedulingService scheduling, PatientService patients,
            ProcedureCatalog catalog, DicomPeerRegistry peers, AuditService audit, Clock clock) {
        this.clock = clock;
        this.exams = exams;
        this.scheduling = scheduling;
        this.patients = patients;
        this.catalog = catalog;
        this.peers = peers;
        this.audit = audit;
    }

    @GetMapping("/schedule")
    @PreAuthorize("hasRole('STUDENT')")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        LocalDate shown = day == null ? LocalDate.now(clock) : day;
        List<String> rooms = peers.all().stream().filter(peer -> peer.modality() != null).map(DicomPeer::aeTitle).toList();
        Map<String, List<Row>> perRoom = new LinkedHashMap<>();
        rooms.forEach(room -> perRoom.put(room, new java.util.ArrayList<>()));
        exams.forDay(shown, ZoneId.systemDefault()).stream()
                .filter(exam -> exam.stationAeTitle() != null && perRoom.containsKey(exam.stationAeTitle()))
                .forEach(exam -> perRoom.get(exam.stationAeTitle()).add(row(exam)));
        audit.record(AuditEntry.success("SCHEDULE_VIEWED", "SCHEDULE", shown.toString()));
        model.addAttribute("day", shown);
        model.addAttribute("rooms", rooms);
        model.addAttribute("perRoom", perRoom);
        model.addAttribute("unbooked", scheduling.unbooked().stream().map(this::row).toList());
        return "exam/schedule";
    }

    @PostMapping("/schedule/{examId}")
    @PreAuthorize("hasRole('TECHNOLOGIST')")
    String book(@PathVariable long examId, @RequestParam String room,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time, RedirectAttributes redirect) {
        try {
            Exam booked = scheduling.book(examId, room, day.atTime(time).atZone(ZoneId.systemDefault()).toInstant(),
                    AuditService.currentActor());
            redirect.addFlashAttribute("message", "Exam " + booked.accessionNumber() + " booked in " + room + " at " + time + ".");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        // As ISO text: a LocalDate would be printed in the locale's short style, which the day parameter refuses.
        redirect.addAttribute("day", day.toString());
        return "redirect:/schedule";
    }

    private Row row(Exam exam) {
        Patient patient = patients.get(exam.patientId());
        var name = patient.demographics();
        return new Row(exam, name.givenName() == null ? name.familyName().toUpperCase()
                        : name.familyName().toUpperCase() + ", " + name.givenName(),
                patient.identifier().value(), catalog.get(exam.procedureCode()).name());
    }
}
