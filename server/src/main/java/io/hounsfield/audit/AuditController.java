package io.hounsfield.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Search of the audit trail, as a page and as JSON, for administrators and lead technologists. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'LEAD')")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(SearchForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("events", search(form));
        return "audit/search";
    }

    @GetMapping("/api/audit")
    @ResponseBody
    List<AuditEvent> api(SearchForm form) {
        return search(form);
    }

    /** Reading the trail reads patient identifiers, so the search itself is audited. */
    private List<AuditEvent> search(SearchForm form) {
        AuditQuery query = form.toQuery();
        audit.record(AuditEntry.success("AUDIT_SEARCHED", "AUDIT", null).forPatient(query.patientId())
                .withDetail(query.toString()));
        return audit.search(query);
    }

    /** The search fields; dates are whole days in the server's time zone, {@code to} inclusive. */
    record SearchForm(
            String actor,
            String patientId,
            String action,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Integer limit) {

        AuditQuery toQuery() {
            ZoneId zone = ZoneId.systemDefault();
            return new AuditQuery(actor, patientId, action,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                    limit == null ? 0 : limit);
        }
    }
}
