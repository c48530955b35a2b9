package io.hounsfield.contrast;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.inventory.ContrastAgentChoices;
import io.hounsfield.inventory.InventoryService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PatientsMerged;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contrast media (ACR Manual on Contrast Media; ACR–NKF consensus statements, Davenport et al., Radiology
 * 2020;294:660 and Weinreb et al., Radiology 2021;298:28): the screening rules the cockpit's contrast screen
 * applies, the radiologist's decision, premedication and when the exam may start, reactions and the patient's
 * contrast allergy entries with the warning every later contrast exam shows.
 */
@Service
public class ContrastService implements ContrastAgentChoices {

    /** The decisions a radiologist takes on a positive contrast screen, in the order the form lists them. */
    public static final Map<String, String> DECISIONS = Map.of("PROCEED", "Proceed", "PREMEDICATE", "Premedicate",
            "ALTERNATIVE_AGENT", "Use another agent", "CANCEL", "Cancel the contrast");
    public static final List<String> DECISION_ORDER = List.of("PROCEED", "PREMEDICATE", "ALTERNATIVE_AGENT", "CANCEL");

    /** The screen's answer and its sentence for the record. */
    public record Screening(String risk, String description) {}

    private final ContrastRecords records;
    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final AuditService audit;
    private final Clock clock;
    private final ReactionRecorder reactions;
    private final Administrations administrations;
    private final InventoryService inventory;

    ContrastService(ContrastRecords records, ExamService exams, PatientService patients, ProcedureCatalog catalog,
            AuditService audit, Clock clock, ReactionRecorder reactions, Administrations administrations,
            InventoryService inventory) {
        this.administrations = administrations;
        this.inventory = inventory;
        this.records = records;
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.reactions = reactions;
    }

    /** The allergies ADT sent that concern this class of agent, or null (see {@link ContrastAllergy}). */
    public static String allergyConcerning(String allergies, boolean gadolinium) {
        return ContrastAllergy.matching(allergies, gadolinium);
    }

    public static boolean isPriorReaction(String code) {
        return ContrastWording.isPriorReaction(code);
    }

    public static String priorReactionWords(String code) {
        return ContrastWording.priorReaction(code);
    }

    public List<ContrastAgent> agents() {
        return records.agents();
    }

    @Override
    public Map<String, String> contrastAgents() {
        Map<String, String> choices = new LinkedHashMap<>();
        agents().forEach(agent -> choices.put(agent.code(), agent.name()));
        return choices;
    }

    /**
     * Applies the screen's rules to the answers and records them: refused when a question is unanswered, the agent
     * is of the wrong class, or a group I GBCA goes with eGFR under 30, AKI or dialysis.
     *
     * @param needEgfr why an eGFR is needed (ACR Manual kidney screening triggers), empty when it is not
     * @param contradicted the answers go against the patient's record
     */
    @Transactional
    public Screening screen(Exam exam, ContrastAnswers answers, List<String> needEgfr, boolean contradicted,
            Actor actor) {
        if (!answers.complete()) {
            throw ContrastRules.refused("Answer every question of the contrast screen: prior reaction, metformin, "
                    + "kidney risk, acute kidney injury and dialysis.");
        }
        ContrastAgent agent = agentOrNull(answers.agentCode());
        boolean gadolinium = gadolinium(exam);
        ContrastRules.refuseWrongClass(agent, gadolinium);
        ContrastRules.refuseGroupOne(agent, answers.severeKidneyFinding());
        records.recordScreening(exam.id(), answers, actor.name(), clock.instant());
        return new Screening(answers.risk(!needEgfr.isEmpty(), contradicted, gadolinium),
                answers.describe(needEgfr, agent));
    }

    /**
     * Records a radiologist's decision on a positive contrast screen (the caller checks the role) and returns it in
     * words for the cockpit's record, e.g. "Premedicate: 13-h oral regimen".
     */
    @Transactional
    public String decide(Exam exam, String decision, String note, Actor actor) {
        if (decision == null || !DECISIONS.containsKey(decision)) {
            throw ContrastRules.refused("Choose the decision: proceed, premedicate, use another agent or cancel.");
        }
        String written = note == null ? "" : note.strip();
        records.recordDecision(exam.id(), decision, written, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("CONTRAST_DECIDED", "EXAM", exam.accessionNumber())
                .forPatient(patientOf(exam)).withDetail(decision + (written.isEmpty() ? "" : ": " + written)));
        return DECISIONS.get(decision) + (written.isEmpty() ? "" : ": " + written);
    }

    /**
     * Refuses the start while a radiologist's decision holds it: contrast cancelled, or premedication decided and
     * the regimen's wait after the documented doses not yet over.
     */
    public void checkMayStart(Exam exam) {
        records.lastDecision(exam.id()).flatMap(decision -> startHeld(exam.id(), decision)).ifPresent(why -> {
            throw ContrastRules.refused(why);
        });
    }

    /**
     * Of these exams, those the radiologist's decision keeps from starting now (as {@link #checkMayStart}): the
     * worklist does not offer them to a modality, which would otherwise start them past the cockpit's check.
     */
    public Set<Long> heldFromStartAmong(Collection<Long> examIds) {
        Set<Long> held = new HashSet<>();
        records.latestDecisions(examIds).forEach((examId, decision) -> {
            if (startHeld(examId, decision).isPresent()) {
                held.add(examId);
            }
        });
        return held;
    }

    /** Why a decision holds the exam's start now, in words, or empty when it does not. */
    private Optional<String> startHeld(long examId, ContrastRecords.Decision decision) {
        return switch (decision.decision()) {
            case "CANCEL" -> Optional.of("A radiologist cancelled the contrast for this exam (" + decision.decidedBy()
                    + "). Discontinue it, or ask for a new decision.");
            case "PREMEDICATE" -> PremedicationRule.notYet(records.doses(examId), clock.instant(), clock.getZone())
                    .map(wait -> wait + ".");
            default -> Optional.empty();
        };
    }

    /** The warnings every later contrast exam of this patient shows, newest reaction first. */
    public List<String> warnings(long patientId) {
        return records.allergies(patientId).stream().map(ReactionRecorder::warning).toList();
    }

    /** The patient's contrast allergy entries for this class of agent, in words, or empty. */
    public Optional<String> allergyOnRecord(long patientId, boolean gadolinium) {
        List<String> same = records.allergies(patientId).stream()
                .filter(allergy -> allergy.agentClass().equals(gadolinium ? "GBCA" : "IODINATED"))
                .map(ReactionRecorder::warning).toList();
        return same.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", same));
    }

    /** The most severe allergic-like reaction on the patient's allergy entries for this class, if any. */
    public Optional<String> priorSeverity(long patientId, boolean gadolinium) {
        List<String> order = List.of("MILD", "MODERATE", "SEVERE");
        return records.allergies(patientId).stream()
                .filter(allergy -> allergy.agentClass().equals(gadolinium ? "GBCA" : "IODINATED"))
                .map(ContrastRecords.Allergy::severity).max(Comparator.comparingInt(order::indexOf));
    }

    /** A premedication dose given, with its time; refused for a drug the regimen does not list or a future time. */
    @Transactional
    public void recordDose(long examId, String regimenCode, String drug, LocalDateTime givenAt, Actor actor) {
        Exam exam = exams.get(examId);
        PremedicationRegimen regimen = PremedicationRegimen.of(regimenCode)
                .orElseThrow(() -> ContrastRules.refused("Choose the premedication regimen."));
        if (drug == null || !regimen.drugs().contains(drug)) {
            throw ContrastRules.refused("Choose the drug given, from those of the regimen.");
        }
        var at = reactions.pastTime(givenAt, "when the dose was given");
        records.recordDose(examId, regimen, drug, at, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("CONTRAST_PREMEDICATION_GIVEN", "EXAM", exam.accessionNumber())
                .forPatient(patientOf(exam)).withDetail(drug + " at " + at));
    }

    /** A reaction (see {@link ReactionRecorder#record}): the allergy entry follows from an allergic-like one. */
    @Transactional
    public void recordReaction(long examId, ReactionForm form, Actor actor) {
        reactions.record(exams.get(examId), gadolinium(exams.get(examId)), form, actor);
    }

    /**
     * An administration from a lot of the room's stock (picked or scanned), its volume taken from the stock in the
     * same transaction; a refused lot (expired, recalled, not enough) or a group I GBCA with severe kidney findings
     * records nothing.
     */
    @Transactional
    public void administer(long examId, AdministrationForm form, Actor actor) {
        Exam exam = exams.get(examId);
        administrations.administer(exam, gadolinium(exam), form, actor);
    }

    @Transactional
    public void recordExtravasation(long examId, ExtravasationForm form, Actor actor) {
        reactions.extravasation(exams.get(examId), form, actor);
    }

    /** The contrast part of the cockpit page of an exam. */
    public ContrastPanel panel(Exam exam) {
        return new ContrastPanel(warnings(exam.patientId()), agents().stream()
                .filter(agent -> agent.gadolinium() == gadolinium(exam)).toList(),
                records.lastDecision(exam.id()).map(d -> DECISIONS.get(d.decision())).orElse(null),
                records.doses(exam.id()).stream().map(dose -> ContrastPanel.doseLine(dose, clock.getZone())).toList(),
                PremedicationRule.notYet(records.doses(exam.id()), clock.instant(), clock.getZone())
                        .filter(wait -> records.lastDecision(exam.id()).map(d -> d.decision().equals("PREMEDICATE"))
                                .orElse(false)).orElse(null),
                List.of(PremedicationRegimen.values()), ReactionExample.ALL,
                records.reactions(exam.id()).stream().map(r -> ContrastPanel.reactionLine(r, clock.getZone())).toList(),
                records.extravasations(exam.id()).stream().map(ContrastPanel::extravasationLine).toList(),
                administrations.lines(exam.id()), exam.stationAeTitle() == null ? List.of()
                        : inventory.usableLots(exam.stationAeTitle(), "CONTRAST").stream()
                        .map(lot -> new ContrastPanel.LotChoice(lot.id(), lot.itemName() + ", lot " + lot.lotNumber()
                                + ", expires " + lot.expiry() + ", " + inventory.remaining(lot.id(), exam.stationAeTitle())
                                .stripTrailingZeros().toPlainString() + " " + lot.unit() + " left")).toList(),
                Administrations.ROUTES);
    }

    @EventListener
    void patientsMerged(PatientsMerged merged) {
        records.movePatient(merged.mergedId(), merged.survivorId());
    }

    boolean gadolinium(Exam exam) {
        return catalog.get(exam.procedureCode()).modality().equals("MR");
    }

    private ContrastAgent agentOrNull(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return records.agent(code).orElseThrow(() -> ContrastRules.refused("There is no contrast agent " + code + "."));
    }

    private String patientOf(Exam exam) {
        return patients.get(exam.patientId()).identifier().toString();
    }
}
