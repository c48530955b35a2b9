package io.hounsfield.workstation;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.OverdueQc;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Priority;
import io.hounsfield.system.Count;
import io.hounsfield.system.HounsfieldException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklist board: today's exams (and those within 12 hours of now) by urgency, filtered, refreshed every few seconds by htmx, with
 * check-in. The page view is audited; the periodic refresh of the same view is not.
 */
@Controller
@PreAuthorize("@workstationAccess.may(authentication, 'VIEW')")
class BoardController {

    private final WorklistBoard board;
    private final ExamService exams;
    private final AuditService audit;
    private final WorkstationAccess access;
    private final EquipmentService equipment;
    private final OverdueQc qc;

    BoardController(WorklistBoard board, ExamService exams, AuditService audit, WorkstationAccess access,
            EquipmentService equipment, OverdueQc qc) {
        this.board = board;
        this.exams = exams;
        this.audit = audit;
        this.access = access;
        this.equipment = equipment;
        this.qc = qc;
    }

    @GetMapping("/board")
    String page(BoardFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("states", ExamState.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("rows", audited(filter));
        model.addAttribute("window", board.window());
        model.addAttribute("rooms", board.rooms());
        model.addAttribute("outages", board.outageWarnings().values().stream().distinct().toList());
        model.addAttribute("overdueQc", qc.overdueDailyQc());
        return "workstation/board";
    }

    /** The rows alone, as the board refreshes and searches (by name or MRN): a read of patient data like the page. */
    @GetMapping("/board/rows")
    String rows(BoardFilter filter, Model model) {
        model.addAttribute("rows", audited(filter));
        return "workstation/board :: rows";
    }

    /** Today's rows, audited with the search and every patient shown. */
    private List<BoardRow> audited(BoardFilter filter) {
        List<BoardRow> rows = board.today(filter);
        audit.record(AuditEntry.success("BOARD_VIEWED", "BOARD", null)
                .forPatients(rows.stream().map(BoardRow::patientIdentifier).toList())
                .withDetail(filter.describe() + ", " + Count.of(rows.size(), "row", "rows")));
        return rows;
    }

    /** Asked once per render rather than once per row: the board may have hundreds. */
    @ModelAttribute("canCheckIn")
    boolean canCheckIn(Authentication user) {
        return access.may(user, WorkstationAccess.Action.CHECK_IN);
    }

    @ModelAttribute("canCleanRooms")
    boolean canCleanRooms(Authentication user) {
        return access.may(user, WorkstationAccess.Action.PERFORM);
    }

    /** "Room cleaned": after each patient and at the start of the day. */
    @PostMapping("/board/rooms/cleaned")
    @PreAuthorize("@workstationAccess.may(authentication, 'PERFORM')")
    String roomCleaned(@RequestParam String room, RedirectAttributes redirect) {
        try {
            equipment.roomCleaned(room, AuditService.currentActor());
            redirect.addFlashAttribute("roomMessage", room + " logged as cleaned.");
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("roomMessage", refused.getMessage());
        }
        return "redirect:/board";
    }

    /** Check-in: the patient is in the department (ARRIVED). */
    @PostMapping("/board/{examId}/check-in")
    @PreAuthorize("@workstationAccess.may(authentication, 'CHECK_IN')")
    String checkIn(@PathVariable long examId, BoardFilter filter, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        try {
            exams.transition(examId, ExamState.ARRIVED, AuditService.currentActor(), "checked in");
        } catch (HounsfieldException refused) {
            model.addAttribute("error", refused.getMessage());
        }
        if (htmx == null) {
            return "redirect:/board";
        }
        return rows(filter, model);
    }

}
