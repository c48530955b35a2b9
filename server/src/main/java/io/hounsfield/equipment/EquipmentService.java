package io.hounsfield.equipment;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment feature's API: the units (with the DICOM peers that are them), their status decisions and
 * downtime, the header aliases that identify them, and room readiness. Faults are in {@link FaultLog}.
 * Every change is audited.
 */
@Service
public class EquipmentService {

    /** The window of the uptime figures. */
    public static final Duration UPTIME_WINDOW = Duration.ofDays(30);

    private final EquipmentRepository equipment;
    private final AuditService audit;
    private final Clock clock;

    EquipmentService(EquipmentRepository equipment, AuditService audit, Clock clock) {
        this.equipment = equipment;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Equipment> all() {
        return equipment.all();
    }

    public Optional<Equipment> find(long id) {
        return equipment.find(id);
    }

    public Equipment get(long id) {
        return equipment.find(id).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND,
                "There is no equipment record " + id + "."));
    }

    /** The unit that is the DICOM peer with this AE title. */
    public Optional<Equipment> forAeTitle(String aeTitle) {
        return equipment.findByAeTitle(aeTitle);
    }

    /** Whether the station with this AE title must get no worklist entries (PS3.4 Annex K). */
    public boolean outOfService(String aeTitle) {
        return aeTitle != null && equipment.findByAeTitle(aeTitle).filter(Equipment::outOfService).isPresent();
    }

    /** The out-of-service units by each of their AE titles, for the board. */
    public Map<String, Outage> outages() {
        Map<String, Outage> outages = new LinkedHashMap<>();
        for (Equipment unit : equipment.all()) {
            if (unit.outOfService()) {
                unit.aeTitles().forEach(ae -> outages.put(ae, new Outage(unit.name(), unit.statusSince(),
                        unit.statusReason())));
            }
        }
        return outages;
    }

    /** Adds a unit, in service, with these AE titles (DICOM peers that must exist already). */
    @Transactional
    public Equipment register(EquipmentDetails details, Collection<String> aeTitles, Actor actor) {
        return register(details, aeTitles, clock.instant(), actor);
    }

    /** A unit in service since {@code since} (a record entered for equipment already in use). */
    @Transactional
    public Equipment register(EquipmentDetails details, Collection<String> aeTitles, Instant since, Actor actor) {
        if (equipment.findByName(details.name()).isPresent()) {
            throw new HounsfieldException(Failure.DUPLICATE, "There is already equipment named " + details.name() + ".");
        }
        Instant now = since.isAfter(clock.instant()) ? clock.instant() : since;
        long id = equipment.insert(details, now);
        for (String aeTitle : aeTitles) {
            if (!equipment.linkPeer(aeTitle, id)) {
                throw new HounsfieldException(Failure.NOT_FOUND, "There is no DICOM peer " + aeTitle + ".");
            }
        }
        equipment.setStatus(id, null, EquipmentStatus.IN_SERVICE, "Registered", actor.name(), now);
        audit.record(actor, AuditEntry.success("EQUIPMENT_ADDED", "EQUIPMENT", String.valueOf(id))
                .withDetail(details.toString() + " " + aeTitles));
        return get(id);
    }

    @Transactional
    public Equipment change(long id, EquipmentDetails details, Actor actor) {
        Equipment before = get(id);
        equipment.update(id, details);
        audit.record(actor, AuditEntry.success("EQUIPMENT_CHANGED", "EQUIPMENT", String.valueOf(id))
                .withDetail(before.name() + " → " + details));
        return get(id);
    }

    /** Makes an existing DICOM peer one of the unit's AE titles (taking it from another unit, if any). */
    @Transactional
    public void addAeTitle(long id, String aeTitle, Actor actor) {
        get(id);
        if (!equipment.linkPeer(aeTitle, id)) {
            throw new HounsfieldException(Failure.NOT_FOUND, "There is no DICOM peer " + aeTitle + ".");
        }
        audit.record(actor, AuditEntry.success("EQUIPMENT_AE_TITLE_ADDED", "EQUIPMENT", String.valueOf(id))
                .withDetail(aeTitle));
    }

    /**
     * A recorded decision: the unit's new status, who decided and why. Returning to service is one too. A reason
     * is required; the same status again changes nothing.
     *
     * @return whether the status changed
     */
    @Transactional
    public boolean setStatus(long id, EquipmentStatus status, String reason, Actor actor) {
        return setStatus(id, status, reason, clock.instant(), actor);
    }

    /**
     * A status decision entered after the fact (e.g. last night's downtime, written up in the morning): {@code at}
     * must not be in the future nor before the unit's last change, so that the history stays in order.
     */
    @Transactional
    public boolean setStatus(long id, EquipmentStatus status, String reason, Instant at, Actor actor) {
        if (at.isAfter(clock.instant())) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "A status change cannot be in the future.");
        }
        if (reason == null || reason.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Give a reason for the status change.");
        }
        Equipment unit = equipment.lock(id).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND,
                "There is no equipment record " + id + "."));
        if (unit.status() == status) {
            return false;
        }
        if (at.isBefore(unit.statusSince())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "The status changed later than that already.");
        }
        String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        equipment.setStatus(id, unit.status(), status, why, actor.name(), at);
        audit.record(actor, AuditEntry.success("EQUIPMENT_STATUS_CHANGED", "EQUIPMENT", String.valueOf(id))
                .withDetail(unit.name() + ": " + unit.status().label() + " → " + status.label() + ": " + why));
        return true;
    }

    @Transactional
    public void setQcFailureRule(long id, boolean on, Actor actor) {
        get(id);
        equipment.setQcFailureRule(id, on);
        audit.record(actor, AuditEntry.success("EQUIPMENT_QC_RULE_CHANGED", "EQUIPMENT", String.valueOf(id))
                .withDetail(on ? "failed QC takes it out of service" : "failed QC is only reported"));
    }

    /** The unit's status decisions, oldest first. */
    public List<StatusChange> history(long id) {
        return equipment.history(id);
    }

    /** Downtime and uptime over the last {@link #UPTIME_WINDOW}, per unit. */
    public List<Uptime> uptimes() {
        Instant to = clock.instant();
        Instant from = to.minus(UPTIME_WINDOW);
        return equipment.all().stream().map(unit -> uptime(unit, from, to)).toList();
    }

    public Uptime uptime(long id) {
        Instant to = clock.instant();
        return uptime(get(id), to.minus(UPTIME_WINDOW), to);
    }

    private Uptime uptime(Equipment unit, Instant from, Instant to) {
        List<StatusChange> history = equipment.history(unit.id());
        EquipmentStatus atStart = history.stream().filter(change -> !change.changedAt().isAfter(from))
                .reduce((first, second) -> second).map(StatusChange::to).orElse(EquipmentStatus.IN_SERVICE);
        return new Uptime(unit.id(), unit.name(), Duration.between(from, to),
                Uptime.outOfService(atStart, history, from, to));
    }

    /**
     * The unit that made an object with these header values: by the calling AE title, else by a known Device
     * Serial Number, Device Observer UID or Station Name. Values not yet known for the unit found are added as
     * its aliases, so that a changed station name or observer UID does not make a new device.
     */
    @Transactional
    public Optional<Equipment> identify(String aeTitle, String serialNumber, String observerUid, String stationName) {
        Map<AliasKind, String> values = new LinkedHashMap<>();
        put(values, AliasKind.SERIAL_NUMBER, serialNumber);
        put(values, AliasKind.OBSERVER_UID, observerUid);
        put(values, AliasKind.STATION_NAME, stationName);
        Optional<Equipment> found = aeTitle == null || aeTitle.isBlank() ? Optional.empty()
                : equipment.findByAeTitle(aeTitle);
        for (var value : values.entrySet()) {
            if (found.isPresent()) {
                break;
            }
            found = equipment.findByAlias(value.getKey(), value.getValue());
        }
        found.ifPresent(unit -> values.forEach((kind, value) -> equipment.addAlias(unit.id(), kind, value,
                clock.instant())));
        return found;
    }

    /** Adds a known header value by hand (e.g. before a replaced scanner's first image). */
    @Transactional
    public boolean addAlias(long id, AliasKind kind, String value, Actor actor) {
        get(id);
        if (value == null || value.isBlank() || value.strip().length() > 64) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "An alias is 1 to 64 characters.");
        }
        boolean added = equipment.addAlias(id, kind, value, clock.instant());
        audit.record(actor, AuditEntry.success("EQUIPMENT_ALIAS_ADDED", "EQUIPMENT", String.valueOf(id))
                .withDetail(kind.label() + " " + value.strip() + (added ? "" : " (already known)")));
        return added;
    }

    public List<Alias> aliases(long id) {
        return equipment.aliases(id);
    }

    /** Each equipment room's readiness now, in the department's day ({@link Clock#getZone()}). */
    public List<RoomReadiness> readiness() {
        Instant now = clock.instant();
        Map<String, Instant> cleaned = equipment.lastCleaned(now);
        Map<String, Instant> finished = equipment.lastFinished(now.minus(Duration.ofDays(2)), now);
        return equipment.all().stream().map(Equipment::room).distinct().sorted()
                .map(room -> RoomReadiness.of(room, finished.get(room), cleaned.get(room), now, clock.getZone()))
                .toList();
    }

    /** Logs that the room was cleaned now. */
    @Transactional
    public void roomCleaned(String room, Actor actor) {
        if (equipment.all().stream().noneMatch(unit -> unit.room().equals(room))) {
            throw new HounsfieldException(Failure.NOT_FOUND, "There is no equipment room " + room + ".");
        }
        equipment.cleaned(room, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("ROOM_CLEANED", "ROOM", room));
    }

    private static void put(Map<AliasKind, String> values, AliasKind kind, String value) {
        if (value != null && !value.isBlank() && value.strip().length() <= 64) {
            values.put(kind, value.strip());
        }
    }
}
