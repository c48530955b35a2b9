package io.hounsfield.staff.pages;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.Role;
import io.hounsfield.security.UserAccount;
import io.hounsfield.security.UserService;
import io.hounsfield.staff.CeCategory;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffMember;
import io.hounsfield.staff.StaffService;
import io.hounsfield.staff.learning.Learning;
import io.hounsfield.staff.records.CqrPeriod;
import io.hounsfield.staff.records.CredentialCatalog;
import io.hounsfield.staff.work.WorkClearance;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The staff pages: a lead's (or administrator's) list and alert report, and each person's page, which they see
 * themselves. What a page may change is decided by {@link StaffForms}.
 */
@Controller
@RequestMapping(StaffPages.PATH)
@PreAuthorize("isAuthenticated()")
class StaffPages {

    static final String PATH = "/staff";
    static final Set<String> MANAGERS = Set.of(Role.LEAD.name(), Role.ADMIN.name());

    private final StaffService staff;
    private final WorkClearance clearance;
    private final Learning learning;
    private final UserService users;
    private final Clock clock;

    StaffPages(StaffService staff, WorkClearance clearance, Learning learning, UserService users, Clock clock) {
        this.staff = staff;
        this.clearance = clearance;
        this.learning = learning;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = AuditService.currentActor();
        if (!MANAGERS.contains(actor.role())) {
            return mine(model);
        }
        List<StaffMember> members = staff.all();
        Set<String> withRecord = members.stream().map(m -> m.username().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        model.addAttribute("members", members);
        model.addAttribute("withoutRecord", users.list().stream().filter(UserAccount::enabled)
                .filter(user -> !withRecord.contains(user.username().toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("alerts", staff.allAlerts());
        model.addAttribute("months", months());
        model.addAttribute("today", LocalDate.now(clock));
        return "staff/list";
    }

    /** One's own record, shown where the navigation links (no redirect: every link opens its page). */
    @GetMapping("/me")
    String mine(Model model) {
        Actor actor = AuditService.currentActor();
        return staff.find(actor.name()).map(member -> person(member.id(), model)).orElseGet(() -> {
            model.addAttribute("manager", MANAGERS.contains(actor.role()));
            return "staff/none";
        });
    }

    @GetMapping("/{id}")
    String person(@PathVariable long id, Model model) {
        Actor actor = AuditService.currentActor();
        StaffMember member = visible(id, actor);
        LocalDate today = LocalDate.now(clock);
        List<Credential> credentials = staff.credentials(id);
        model.addAttribute("member", member);
        model.addAttribute("own", member.username().equalsIgnoreCase(actor.name()));
        model.addAttribute("manager", MANAGERS.contains(actor.role()));
        model.addAttribute("lead", Role.LEAD.name().equals(actor.role()));
        model.addAttribute("technologist", Set.of("LEAD", "TECHNOLOGIST").contains(actor.role()));
        model.addAttribute("today", today);
        model.addAttribute("credentials", credentials);
        model.addAttribute("cqr", credentials.stream().filter(c -> c.kind() == CredentialKind.ARRT)
                .flatMap(c -> CqrPeriod.of(c.code(), c.issuedOn()).stream()
                        .map(period -> new CqrPeriod(c.name(), period.earned(), period.windowOpens(), period.due())))
                .toList());
        model.addAttribute("alerts", staff.alerts(id));
        model.addAttribute("progress", staff.ceProgress(id).orElse(null));
        model.addAttribute("activities", staff.activities(id));
        model.addAttribute("documents", staff.documents(id));
        model.addAttribute("competencies", clearance.competencies(id));
        model.addAttribute("modalities", modalities(credentials, today));
        model.addAttribute("exceptions", clearance.exceptions(id));
        model.addAttribute("orientation", learning.orientation(id));
        model.addAttribute("student", learning.studentProgress(member).orElse(null));
        model.addAttribute("kinds", CredentialKind.values());
        model.addAttribute("arrtCodes", CredentialCatalog.arrt().values());
        model.addAttribute("categories", CeCategory.values());
        model.addAttribute("months", months());
        return "staff/person";
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> document(@PathVariable long id, @PathVariable long documentId)
            throws IOException {
        Actor actor = AuditService.currentActor();
        visible(id, actor);
        StaffService.DocumentContent opened = staff.openDocument(id, documentId, actor);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(opened.document().contentType()))
                .contentLength(opened.document().sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(opened.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(opened.content()));
    }

    /** A person's own record, or anyone's for a lead or administrator. */
    StaffMember visible(long id, Actor actor) {
        StaffMember member = staff.get(id);
        if (!MANAGERS.contains(actor.role()) && !member.username().equalsIgnoreCase(actor.name())) {
            throw new HounsfieldException(Failure.NOT_AUTHORIZED, "Only the person themselves and the leads see a staff record.");
        }
        return member;
    }

    /** What the person may perform today, and by what: each modality with its credential or sign-off. */
    private List<String> modalities(List<Credential> credentials, LocalDate today) {
        return credentials.stream().filter(c -> !c.expired(today)).flatMap(c -> c.modalities().stream())
                .distinct().sorted().toList();
    }

    record MonthChoice(int value, String name) {}

    static List<MonthChoice> months() {
        return Arrays.stream(Month.values())
                .map(month -> new MonthChoice(month.getValue(), month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toList();
    }
}
