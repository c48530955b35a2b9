package io.hounsfield.workstation;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.RoleCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The work list of radiologists, physicists and leads: positive screens that wait for their decision. */
@Controller
class DecisionController {

    static final String PATH = "/decisions";

    private final DecisionList decisions;
    private final AuditService audit;

    DecisionController(DecisionList decisions, AuditService audit) {
        this.decisions = decisions;
        this.audit = audit;
    }

    @GetMapping(PATH)
    @PreAuthorize("@workstationAccess.may(authentication, 'DECIDE')")
    String page(Authentication user, Model model) {
        var role = RoleCheck.roleOf(user).orElseThrow();
        var rows = decisions.waitingFor(role);
        audit.record(AuditEntry.success("DECISIONS_VIEWED", "DECISIONS", role.label()).withDetail(rows.size() + " waiting"));
        model.addAttribute("rows", rows);
        model.addAttribute("forRole", role.label());
        return "workstation/decisions";
    }
}
