package io.hounsfield.equipment;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment's fault log: a technologist reports a malfunction, records what was tried, the service call and
 * the resolution. A fault that stops scanning notifies the lead technologists, who decide on the status.
 */
@Service
public class FaultLog {

    private final FaultRepository faults;
    private final EquipmentService equipment;
    private final NotificationService notifications;
    private final AuditService audit;
    private final Clock clock;

    FaultLog(FaultRepository faults, EquipmentService equipment, NotificationService notifications, AuditService audit,
            Clock clock) {
        this.faults = faults;
        this.equipment = equipment;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Fault report(long equipmentId, NewFault fault, Actor actor) {
        return report(equipmentId, fault, clock.instant(), actor);
    }

    /** A fault reported after the fact, {@code at} when it happened. */
    @Transactional
    public Fault report(long equipmentId, NewFault fault, Instant at, Actor actor) {
        Equipment unit = equipment.get(equipmentId);
        if (fault.symptom() == null || fault.symptom().isBlank() || fault.severity() == null) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Describe the symptom and choose a severity.");
        }
        long id = faults.insert(equipmentId, fault, actor.name(), notLater(at));
        audit.record(actor, AuditEntry.success("EQUIPMENT_FAULT_REPORTED", "EQUIPMENT_FAULT", String.valueOf(id))
                .withDetail(unit.name() + ": " + fault.severity().label() + ": " + fault.symptom()));
        if (fault.severity() == FaultSeverity.STOPS_SCANNING) {
            notifications.notify(Set.of("LEAD"), "equipment-" + unit.id(), null, unit.name()
                    + ": a fault stops scanning (" + fault.symptom().strip() + "). Decide whether to take it out of service.",
                    "/equipment/" + unit.id(), actor);
        }
        return get(id);
    }

    @Transactional
    public void action(long faultId, String action, Actor actor) {
        action(faultId, action, clock.instant(), actor);
    }

    @Transactional
    public void action(long faultId, String action, Instant at, Actor actor) {
        Fault fault = openFault(faultId);
        if (action == null || action.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Say what was done.");
        }
        faults.action(faultId, action.strip(), actor.name(), notLater(at));
        audit.record(actor, AuditEntry.success("EQUIPMENT_FAULT_ACTION", "EQUIPMENT_FAULT", String.valueOf(fault.id()))
                .withDetail(action.strip()));
    }

    /** The vendor was called; {@code calledAt} null for now. */
    @Transactional
    public void serviceCall(long faultId, String ticket, Instant calledAt, Actor actor) {
        openFault(faultId);
        Instant at = calledAt == null ? clock.instant() : notLater(calledAt);
        faults.serviceCall(faultId, ticket == null || ticket.isBlank() ? null : ticket.strip(), at);
        audit.record(actor, AuditEntry.success("EQUIPMENT_SERVICE_CALLED", "EQUIPMENT_FAULT", String.valueOf(faultId))
                .withDetail("ticket " + ticket + " at " + at));
    }

    @Transactional
    public void resolve(long faultId, String resolution, Actor actor) {
        resolve(faultId, resolution, clock.instant(), actor);
    }

    @Transactional
    public void resolve(long faultId, String resolution, Instant at, Actor actor) {
        openFault(faultId);
        if (resolution == null || resolution.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Say what fixed it.");
        }
        faults.resolve(faultId, resolution.strip(), actor.name(), notLater(at));
        audit.record(actor, AuditEntry.success("EQUIPMENT_FAULT_RESOLVED", "EQUIPMENT_FAULT", String.valueOf(faultId))
                .withDetail(resolution.strip()));
    }

    public Fault get(long faultId) {
        return faults.find(faultId).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND,
                "There is no fault " + faultId + "."));
    }

    /** The unit's faults, newest first. */
    public List<Fault> of(long equipmentId) {
        return faults.of(equipmentId);
    }

    public List<Fault> open() {
        return faults.open();
    }

    private Instant notLater(Instant at) {
        if (at.isAfter(clock.instant())) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "That time is in the future.");
        }
        return at;
    }

    private Fault openFault(long faultId) {
        Fault fault = get(faultId);
        if (!fault.open()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "That fault was resolved already.");
        }
        return fault;
    }
}
