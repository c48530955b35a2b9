package io.hounsfield.contrast;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.patient.PatientService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Records reactions and extravasations. An allergic-like reaction becomes an allergy entry of the patient, so that
 * every later contrast exam warns of it (ACR Manual: a prior allergic-like reaction to the same class is the
 * indication for premedication; after a mild one a change of agent may be enough).
 */
@Component
class ReactionRecorder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ContrastRecords records;
    private final PatientService patients;
    private final AuditService audit;
    private final Clock clock;

    ReactionRecorder(ContrastRecords records, PatientService patients, AuditService audit, Clock clock) {
        this.records = records;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    void record(Exam exam, boolean gadolinium, ReactionForm form, Actor actor) {
        ReactionExample picked = ReactionExample.of(form.example())
                .orElseGet(() -> other(form));
        if (!picked.type().equals(form.type()) || !picked.severity().equals(form.severity())) {
            throw ContrastRules.refused("“" + picked.words() + "” is a " + picked.label().replace(": " + picked.words(), "")
                    + " reaction (ACR): choose that type and severity, or the example that fits.");
        }
        Instant onset = pastTime(form.onset(), "when the reaction started");
        String treatment = blankToNull(form.treatment());
        if (!picked.severity().equals("MILD") && treatment == null) {
            throw ContrastRules.refused("A " + ReactionExample.severityWords(picked.severity())
                    + " reaction is one that needs treatment: write down the treatment given.");
        }
        long id = records.recordReaction(exam.id(), onset, picked, picked.words(), treatment,
                blankToNull(form.outcome()), blankToNull(form.followUp()), actor.name(), clock.instant());
        if (picked.type().equals("ALLERGIC_LIKE")) {
            records.recordAllergy(exam.patientId(), id, gadolinium ? "GBCA" : "IODINATED", null, picked.severity(),
                    picked.words(), onset.atZone(clock.getZone()).toLocalDate(), actor.name(), clock.instant());
        }
        audit.record(actor, AuditEntry.success("CONTRAST_REACTION_RECORDED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString()).withDetail(picked.label()));
    }

    void extravasation(Exam exam, ExtravasationForm form, Actor actor) {
        if (form.volumeMl() == null || form.volumeMl().compareTo(BigDecimal.ZERO) <= 0) {
            throw ContrastRules.refused("Estimate the volume that went into the tissue, in mL.");
        }
        if (blankToNull(form.site()) == null || blankToNull(form.followUp()) == null) {
            throw ContrastRules.refused("Write down the site and the follow-up instructions of the extravasation.");
        }
        records.recordExtravasation(exam.id(), form.volumeMl(), form.site().strip(), blankToNull(form.treatment()),
                form.followUp().strip(), actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("CONTRAST_EXTRAVASATION_RECORDED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString())
                .withDetail(form.volumeMl().toPlainString() + " mL at " + form.site().strip()));
    }

    /** "Contrast reaction on 3 Dec 2026 to iodinated contrast: moderate, diffuse hives or itching — premedicate". */
    static String warning(ContrastRecords.Allergy allergy) {
        String advice = allergy.severity().equals("MILD") ? "use another agent of the class or premedicate" : "premedicate";
        return "Contrast reaction on " + DAY.format(allergy.reactedOn()) + " to "
                + (allergy.agentName() != null ? allergy.agentName()
                : allergy.agentClass().equals("GBCA") ? "gadolinium-based contrast" : "iodinated contrast")
                + ": " + ReactionExample.severityWords(allergy.severity()) + ", " + allergy.manifestation()
                + " — " + advice;
    }

    /** A time the form gave, in the department's zone, that is not in the future. */
    Instant pastTime(LocalDateTime at, String what) {
        if (at == null) {
            throw ContrastRules.refused("Give the time: " + what + ".");
        }
        Instant instant = at.atZone(clock.getZone()).toInstant();
        if (instant.isAfter(clock.instant().plusSeconds(60))) {
            throw ContrastRules.refused("The time of " + what + " is in the future.");
        }
        return instant;
    }

    private static ReactionExample other(ReactionForm form) {
        String words = blankToNull(form.otherWords());
        if (!"OTHER".equals(form.example()) || words == null || !ReactionExample.ALL.stream()
                .anyMatch(e -> e.type().equals(form.type()) && e.severity().equals(form.severity()))) {
            throw ContrastRules.refused("Choose the type, the severity and what happened (an ACR example, or "
                    + "“other” with a description).");
        }
        return new ReactionExample("OTHER", form.type(), form.severity(), words);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
