package io.hounsfield.patient;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, updates and merges patients (IHE PAM/PIR semantics): every change keeps the previous
 * values in the patient's history, is audited, and is announced to the other features.
 */
@Service
public class PatientService {

    /** Issuer of the temporary MRNs Hounsfield gives unidentified patients. */
    public static final String TEMPORARY_ISSUER = "HOUNSFIELD-TEMP";

    /** Issuer of the local MRNs given at the desk while the hospital's ADT is down; ADT merges them later (A40). */
    public static final String DOWNTIME_ISSUER = "HOUNSFIELD-DOWNTIME";

    static final String OBJECT_TYPE = "PATIENT";

    private final PatientRepository patients;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    PatientService(PatientRepository patients, AuditService audit, ApplicationEventPublisher events) {
        this.patients = patients;
        this.audit = audit;
        this.events = events;
    }

    /** A01/A04: the patient with this identifier, created or brought up to date. */
    @Transactional
    public Patient register(PatientIdentifier identifier, Demographics demographics, Actor actor) {
        Optional<Long> existing = patients.findId(identifier);
        if (existing.isPresent()) {
            return update(identifier, demographics, actor);
        }
        long id = patients.insert(demographics, false);
        patients.addIdentifier(id, identifier, "PRIMARY");
        audit.record(actor, AuditEntry.success("PATIENT_REGISTERED", OBJECT_TYPE, String.valueOf(id))
                .forPatient(identifier.toString()));
        return get(id);
    }

    /** A08: new demographics for a known patient; the old ones go to the history. */
    @Transactional
    public Patient update(PatientIdentifier identifier, Demographics demographics, Actor actor) {
        Patient before = find(identifier).orElseThrow(() -> new UnknownPatientException(identifier));
        if (!before.demographics().equals(demographics)) {
            patients.recordHistory(before.id(), actor.name(), "UPDATE", before.demographics().toString());
            patients.update(before.id(), demographics);
            events.publishEvent(new PatientUpdated(before.id()));
        }
        audit.record(actor, AuditEntry.success("PATIENT_UPDATED", OBJECT_TYPE, String.valueOf(before.id()))
                .forPatient(identifier.toString()));
        return get(before.id());
    }

    /**
     * A40, or the reconciliation of a trauma patient: the patient known by {@code prior} becomes part
     * of the one known by {@code survivor}, with their exams and images.
     */
    @Transactional
    public Patient merge(PatientIdentifier survivor, PatientIdentifier prior, Actor actor) {
        Patient kept = find(survivor).orElseThrow(() -> new UnknownPatientException(survivor));
        Patient merged = find(prior).orElseThrow(() -> new UnknownPatientException(prior));
        if (kept.id() == merged.id()) {
            return kept;
        }
        patients.recordHistory(kept.id(), actor.name(), "MERGE",
                "merged patient " + merged.id() + " " + prior + " " + merged.demographics());
        patients.merge(merged.id(), kept.id());
        events.publishEvent(new PatientsMerged(kept.id(), merged.id(), prior, merged.temporary()));
        audit.record(actor, AuditEntry.success("PATIENT_MERGED", OBJECT_TYPE, String.valueOf(kept.id()))
                .forPatient(survivor.toString())
                .withDetail("merged " + prior + " (patient " + merged.id() + ")"));
        return get(kept.id());
    }

    /**
     * A trauma or unidentified patient in one step: a unique temporary MRN and a distinct alias name
     * (never "Doe" for everyone, so that simultaneous traumas are not confused).
     */
    @Transactional
    public Patient registerTemporary(Sex sex, Actor actor) {
        long number = patients.nextTemporaryNumber();
        Demographics demographics = Demographics.named("TRAUMA", TraumaAlias.forNumber(number), null, sex);
        long id = patients.insert(demographics, true);
        PatientIdentifier identifier = new PatientIdentifier(TEMPORARY_ISSUER, String.format("T%06d", number));
        patients.addIdentifier(id, identifier, "TEMPORARY");
        audit.record(actor, AuditEntry.success("PATIENT_REGISTERED_TEMPORARY", OBJECT_TYPE, String.valueOf(id))
                .forPatient(identifier.toString()));
        return get(id);
    }

    /**
     * Registration at the desk, for a walk-in or while ADT is down (the RIS downtime procedure): with the
     * hospital MRN, or, when {@code identifier} is null, a local downtime MRN. An MRN already registered is
     * refused, and so is a likely duplicate ({@link #likelyDuplicates}) unless the user confirmed that it
     * is a different person.
     */
    @Transactional
    public Patient registerAtDesk(PatientIdentifier identifier, Demographics demographics, boolean confirmedDifferent,
            Actor actor) {
        if (identifier != null && patients.findId(identifier).isPresent()) {
            throw new HounsfieldException(Failure.DUPLICATE, "MRN " + identifier.value() + " (" + identifier.issuer()
                    + ") is registered already.");
        }
        List<Long> duplicates = candidates(demographics).stream().map(Patient::id).toList();
        if (!duplicates.isEmpty() && !confirmedDifferent) {
            throw new HounsfieldException(Failure.DUPLICATE,
                    "A patient with this name, sex and birth date is registered already: choose them, or confirm"
                            + " that this is a different person.");
        }
        PatientIdentifier assigned = identifier != null ? identifier
                : new PatientIdentifier(DOWNTIME_ISSUER, String.format("D%06d", patients.nextDowntimeNumber()));
        long id = patients.insert(demographics, false);
        patients.addIdentifier(id, assigned, "PRIMARY");
        audit.record(actor, AuditEntry.success("PATIENT_REGISTERED", OBJECT_TYPE, String.valueOf(id))
                .forPatient(assigned.toString())
                .withDetail("registered at the desk" + (identifier == null ? " with a downtime MRN" : "")
                        + (duplicates.isEmpty() ? "" : "; confirmed different from patients " + duplicates)));
        return get(id);
    }

    /**
     * Known patients who are likely the same person as {@code demographics}: same name ignoring accents and
     * case, same birth date, same or unknown sex. Each one found is shown to the user, so each is audited.
     */
    public List<Patient> likelyDuplicates(Demographics demographics, Actor actor) {
        List<Patient> found = candidates(demographics);
        found.forEach(patient -> audit.record(actor, AuditEntry.success("PATIENT_POSSIBLE_DUPLICATE_SHOWN",
                OBJECT_TYPE, String.valueOf(patient.id())).forPatient(patient.identifier().toString())));
        return found;
    }

    private List<Patient> candidates(Demographics demographics) {
        if (demographics.birthDate() == null) {
            return List.of();
        }
        return patients.bornOn(demographics.birthDate()).stream().map(this::get)
                .filter(known -> DuplicateCheck.likelySame(demographics, known.demographics())).toList();
    }

    /** Patients registered with a temporary identity and not yet reconciled, newest first. */
    public List<Patient> awaitingReconciliation() {
        return patients.temporaryNotMerged().stream().map(this::get).toList();
    }

    public Optional<Patient> find(PatientIdentifier identifier) {
        return patients.findId(identifier).flatMap(patients::find);
    }

    /** The patients of {@code ids} by id, read together (a worklist answer shows many). */
    public Map<Long, Patient> getAll(Collection<Long> ids) {
        return patients.findAll(ids);
    }

    public Patient get(long id) {
        return patients.find(id).orElseThrow(() -> new UnknownPatientException(id));
    }
}
