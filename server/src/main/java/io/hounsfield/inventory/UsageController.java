package io.hounsfield.inventory;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supplies used in an exam (the cockpit links here), and use per exam type as a bar chart. */
@Controller
class UsageController {
    static final String USAGE = "/inventory/usage";
    private static final String USE = "/inventory/exams/{examId}/use";
    private static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

    private final InventoryService inventory;
    private final StockQueries queries;
    private final UsageReport report;
    private final ExamService exams;
    private final PatientService patients;
    private final AuditService audit;

    UsageController(InventoryService inventory, StockQueries queries, UsageReport report, ExamService exams,
            PatientService patients, AuditService audit) {
        this.inventory = inventory;
        this.queries = queries;
        this.report = report;
        this.exams = exams;
        this.patients = patients;
        this.audit = audit;
    }

    @GetMapping(USAGE)
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    String usage(@RequestParam(required = false) Long itemId, @RequestParam(defaultValue = "30") int days,
            Model model) {
        List<StockQueries.Item> items = queries.items();
        Optional<StockQueries.Item> item = items.stream().filter(one -> itemId == null || one.id() == itemId)
                .findFirst();
        int period = PERIODS.contains(days) ? days : 30;
        List<UsageBar> bars = item.map(one -> report.perProcedure(one, period)).orElse(List.of());
        model.addAttribute("items", items);
        model.addAttribute("item", item.orElse(null));
        model.addAttribute("periods", PERIODS);
        model.addAttribute("days", period);
        model.addAttribute("bars", bars);
        model.addAttribute("scale", bars.stream().map(UsageBar::total).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE).doubleValue());
        return "inventory/usage";
    }

    @GetMapping(USE)
    @PreAuthorize("hasRole('STUDENT')")
    String useForm(@PathVariable long examId, Model model) {
        Exam exam = exams.get(examId);
        audit.record(AuditEntry.success("EXAM_SUPPLIES_VIEWED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString()));
        String room = exam.stationAeTitle();
        model.addAttribute("exam", exam);
        model.addAttribute("room", room);
        model.addAttribute("lots", room == null ? List.of() : inventory.usableLots(room, null).stream()
                .filter(lot -> !"CONTRAST".equals(lot.category())).toList());
        model.addAttribute("used", queries.usedInExam(examId));
        return "inventory/use";
    }

    @PostMapping(USE)
    @PreAuthorize("hasRole('STUDENT')")
    String use(@PathVariable long examId, @RequestParam long lotId, @RequestParam(required = false) BigDecimal amount,
            RedirectAttributes flash) {
        Exam exam = exams.get(examId);
        try {
            InventoryService.Lot lot = inventory.use(new StockUse(lotId, exam.stationAeTitle(), amount, examId,
                    AuditService.currentActor().name()));
            flash.addFlashAttribute("message", "Recorded: " + InventoryWords.amount(amount, lot.unit()) + " of "
                    + lot.itemName() + " lot " + lot.lotNumber() + ".");
        } catch (HounsfieldException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/inventory/exams/" + examId + "/use";
    }
}
