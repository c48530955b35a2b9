package io.hounsfield.patient;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.util.List;
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

    /** Patients registered with a temporary identity and not yet reconciled, newest first. */
    public List<Patient> awaitingReconciliation() {
        return patients.temporaryNotMerged().stream().map(this::get).toList();
    }

    public Optional<Patient> find(PatientIdentifier identifier) {
        return patients.findId(identifier).flatMap(patients::find);
    }

    public Patient get(long id) {
        return patients.find(id).orElseThrow(() -> new UnknownPatientException(id));
    }
}
