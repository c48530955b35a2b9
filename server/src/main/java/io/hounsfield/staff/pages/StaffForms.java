package io.hounsfield.staff.pages;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditService;
import io.hounsfield.staff.CeCategory;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffMember;
import io.hounsfield.staff.StaffService;
import io.hounsfield.staff.learning.Learning;
import io.hounsfield.staff.work.WorkClearance;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The changes the staff pages make. Leads and administrators keep the records; only a lead signs off competencies and
 * orientation and grants exceptions (a clinical judgement); a technologist signs off a student's competency; each
 * person may add their own CE activities and documents.
 */
@Controller
@RequestMapping(StaffPages.PATH)
class StaffForms {

    private final StaffService staff;
    private final WorkClearance clearance;
    private final Learning learning;
    private final StaffPages pages;

    StaffForms(StaffService staff, WorkClearance clearance, Learning learning, StaffPages pages) {
        this.staff = staff;
        this.clearance = clearance;
        this.learning = learning;
        this.pages = pages;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String birthMonth,
            @RequestParam(required = false) String programme, @RequestParam(required = false) String startedOn,
            RedirectAttributes redirect) {
        try {
            StaffMember member = staff.create(username, month(birthMonth), programme, date(startedOn, "start date"),
                    actor());
            redirect.addFlashAttribute("message", "Staff record opened for " + member.fullName() + ".");
            return "redirect:" + StaffPages.PATH + "/" + member.id();
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:" + StaffPages.PATH;
        }
    }

    @PostMapping("/{id}/details")
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    String details(@PathVariable long id, @RequestParam(required = false) String birthMonth,
            @RequestParam(required = false) String programme, RedirectAttributes redirect) {
        return act(id, redirect, "Details saved.", () -> staff.update(id, month(birthMonth), programme, actor()));
    }

    @PostMapping("/{id}/credentials")
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    String credential(@PathVariable long id, @RequestParam(required = false) CredentialKind kind,
            @RequestParam(required = false) String code, @RequestParam(required = false) String number,
            @RequestParam(required = false) String issuedOn, @RequestParam(required = false) String expiresOn,
            RedirectAttributes redirect) {
        return act(id, redirect, "Credential added.", () -> staff.addCredential(id,
                kind == null ? CredentialKind.ARRT : kind, code, number, date(issuedOn, "issue date"),
                date(expiresOn, "expiry date"), actor()));
    }

    @PostMapping("/{id}/credentials/{credentialId}/remove")
    @PreAuthorize("hasAnyRole('LEAD', 'ADMIN')")
    String removeCredential(@PathVariable long id, @PathVariable long credentialId, RedirectAttributes redirect) {
        return act(id, redirect, "Credential removed.", () -> staff.removeCredential(id, credentialId, actor()));
    }

    @PostMapping("/{id}/documents")
    String document(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) Long credentialId, RedirectAttributes redirect) {
        return act(id, redirect, "Document kept.", () -> {
            pages.visible(id, actor());
            if (file == null || file.isEmpty()) {
                throw new HounsfieldException(Failure.MISSING_VALUE, "Choose a file to attach.");
            }
            try {
                staff.attachDocument(id, credentialId, file.getOriginalFilename(), file.getBytes(), actor());
            } catch (IOException e) {
                throw new HounsfieldException(Failure.INVALID_INPUT, "The file could not be read. Try again.");
            }
        });
    }

    @PostMapping("/{id}/ce")
    String activity(@PathVariable long id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String provider, @RequestParam(required = false) CeCategory category,
            @RequestParam(required = false) String credits, @RequestParam(required = false) String completedOn,
            RedirectAttributes redirect) {
        return act(id, redirect, "CE activity recorded.", () -> {
            pages.visible(id, actor());
            staff.recordActivity(id, title, provider, category, number(credits), date(completedOn, "date"), actor());
        });
    }

    @PostMapping("/{id}/competencies")
    @PreAuthorize("hasRole('LEAD')")
    String competency(@PathVariable long id, @RequestParam(required = false) String modality,
            @RequestParam(required = false) String procedureCode, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "Sign-off recorded.", () -> clearance.signOff(id, modality, procedureCode, note, actor()));
    }

    @PostMapping("/{id}/competencies/{competencyId}/revoke")
    @PreAuthorize("hasRole('LEAD')")
    String revoke(@PathVariable long id, @PathVariable long competencyId, RedirectAttributes redirect) {
        return act(id, redirect, "Sign-off withdrawn.", () -> clearance.revoke(id, competencyId, actor()));
    }

    @PostMapping("/{id}/exceptions")
    @PreAuthorize("hasRole('LEAD')")
    String exception(@PathVariable long id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String validUntil, RedirectAttributes redirect) {
        return act(id, redirect, "Dated exception recorded.", () -> clearance.recordException(id, reason,
                date(validUntil, "last day"), actor()));
    }

    @PostMapping("/{id}/student-competencies")
    @PreAuthorize("hasRole('TECHNOLOGIST')")
    String studentCompetency(@PathVariable long id, @RequestParam(required = false) String requirement,
            @RequestParam(required = false) String performedOn, @RequestParam(defaultValue = "false") boolean simulated,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, "Competency signed off.", () -> learning.signOffStudentCompetency(id, requirement,
                date(performedOn, "date"), simulated, note, actor()));
    }

    @PostMapping("/{id}/orientation/{itemId}")
    @PreAuthorize("hasRole('LEAD')")
    String orientation(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
        return act(id, redirect, "Orientation item signed off.", () -> learning.signOffOrientation(id, itemId, actor()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (HounsfieldException refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + StaffPages.PATH + "/" + id;
    }

    private static Actor actor() {
        return AuditService.currentActor();
    }

    private static Month month(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Month.of(Integer.parseInt(value.strip()));
        } catch (RuntimeException e) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Choose the birth month from the list.");
        }
    }

    private static LocalDate date(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "The " + what + " is not a date (year-month-day).");
        }
    }

    private static BigDecimal number(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Credits must be a number, such as 1.5.");
        }
    }
}
