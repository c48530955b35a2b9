package io.hounsfield.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search of the audit trail, as a page and as JSON, for administrators and lead technologists. The page is read in
 * pages of {@code limit} rows (200 by default), with previous and next links and "rows 201–400 of N".
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'LEAD')")
class AuditController {

    private final AuditService audit;
    private final Clock clock;

    AuditController(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(SearchForm form, Model model) {
        // The first page pins the newest event, so that the next pages do not shift as new events are written.
        SearchForm pinned = form.upTo() == null ? form.withUpTo(audit.newestId()) : form;
        AuditQuery query = pinned.toQuery(clock.getZone());
        List<AuditEvent> events = search(pinned, query);
        model.addAttribute("form", form);
        model.addAttribute("events", events);
        model.addAttribute("page", ResultPage.of(pinned, query, events.size(), audit.count(query)));
        return "audit/search";
    }

    /**
     * The trail as JSON, newest first, a page of {@code limit} rows (200 by default, at most 1,000) at a time: the
     * headers give the whole count ({@code X-Total-Count}) and the next and previous pages ({@code Link},
     * RFC 8288), pinned like the page's to the events there were at the first page.
     */
    @GetMapping("/api/audit")
    @ResponseBody
    ResponseEntity<List<AuditEvent>> api(SearchForm form) {
        SearchForm pinned = form.upTo() == null ? form.withUpTo(audit.newestId()) : form;
        AuditQuery query = pinned.toQuery(clock.getZone());
        List<AuditEvent> events = search(pinned, query);
        long total = audit.count(query);
        List<String> links = new java.util.ArrayList<>();
        if (query.offset() + events.size() < total) {
            links.add("<" + pinned.link("/api/audit", query.offset() + query.limit()) + ">; rel=\"next\"");
        }
        if (query.offset() > 0) {
            links.add("<" + pinned.link("/api/audit", Math.max(0, query.offset() - query.limit()))
                    + ">; rel=\"prev\"");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", String.valueOf(total));
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(events);
    }

    /** Reading the trail reads patient identifiers, so the search itself is audited. */
    private List<AuditEvent> search(SearchForm form, AuditQuery query) {
        audit.record(AuditEntry.success("AUDIT_SEARCHED", "AUDIT", null).forPatient(query.patientId())
                .withDetail(form.describe()));
        return audit.search(query);
    }

    /** The search fields; dates are whole days in the department's time zone, {@code to} inclusive. */
    record SearchForm(
            String actor,
            String patientId,
            String action,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Integer limit,
            Integer offset,
            Long upTo) {

        AuditQuery toQuery(ZoneId zone) {
            return new AuditQuery(actor, patientId, action,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                    limit == null ? 0 : limit, offset == null ? 0 : offset, upTo);
        }

        /** The search as a reader of the trail wants it: "user tech, from 2026-12-01, rows from 201". */
        String describe() {
            List<String> parts = new java.util.ArrayList<>();
            present(actor).ifPresent(value -> parts.add("user " + value));
            present(patientId).ifPresent(value -> parts.add("patient " + value));
            present(action).ifPresent(value -> parts.add("action " + value));
            Optional.ofNullable(from).ifPresent(value -> parts.add("from " + value));
            Optional.ofNullable(to).ifPresent(value -> parts.add("to " + value));
            if (offset != null && offset > 0) {
                parts.add("rows from " + (offset + 1));
            }
            return parts.isEmpty() ? "everything" : String.join(", ", parts);
        }

        SearchForm withUpTo(long newestId) {
            return new SearchForm(actor, patientId, action, from, to, limit, offset, newestId);
        }

        /** This search at another offset, as a link to the page. */
        String link(int atOffset) {
            return link("/audit", atOffset);
        }

        /** This search at another offset, as a link to {@code path}. */
        String link(String path, int atOffset) {
            return UriComponentsBuilder.fromPath(path)
                    .queryParamIfPresent("actor", present(actor)).queryParamIfPresent("patientId", present(patientId))
                    .queryParamIfPresent("action", present(action))
                    .queryParamIfPresent("from", Optional.ofNullable(from))
                    .queryParamIfPresent("to", Optional.ofNullable(to))
                    .queryParamIfPresent("limit", Optional.ofNullable(limit))
                    .queryParam("offset", atOffset).queryParam("upTo", upTo)
                    .encode().toUriString();
        }

        private static Optional<String> present(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }

    /**
     * Where the shown rows sit in the whole result.
     *
     * @param previous link to the page before, {@code null} on the first
     * @param next link to the page after, {@code null} on the last
     */
    record ResultPage(long total, int firstRow, int lastRow, String previous, String next) {

        static ResultPage of(SearchForm form, AuditQuery query, int shown, long total) {
            int first = query.offset() + 1;
            int last = query.offset() + shown;
            String previous = query.offset() == 0 ? null : form.link(Math.max(0, query.offset() - query.limit()));
            String next = last < total ? form.link(query.offset() + query.limit()) : null;
            return new ResultPage(total, shown == 0 ? 0 : first, last, previous, next);
        }
    }
}
