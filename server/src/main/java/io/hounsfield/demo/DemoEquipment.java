package io.hounsfield.demo;

import io.hounsfield.audit.Actor;
import io.hounsfield.equipment.AliasKind;
import io.hounsfield.equipment.Equipment;
import io.hounsfield.equipment.EquipmentDetails;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.EquipmentStatus;
import io.hounsfield.equipment.Fault;
import io.hounsfield.equipment.FaultLog;
import io.hounsfield.equipment.FaultSeverity;
import io.hounsfield.equipment.NewFault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo rooms' equipment records: CT1 (with the rule that a failed daily QC takes it out of service), DX1,
 * MR1 and US1; a resolved CT fault three days ago that kept it out of service for four hours, so that the uptime
 * figures are not all 100 %; and each room cleaned when the day is booked. All relative to the department clock.
 */
@Component
@ConditionalOnProperty(name = "hounsfield.demo", havingValue = "true")
class DemoEquipment {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", null);
    private static final Actor LEAD = new Actor("lead", "LEAD", null);

    private record Unit(String aeTitle, String room, String modality, String manufacturer, String model,
            String serial, String software) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit("CT1", "CT ROOM 1", "CT", "Siemens Healthineers", "SOMATOM go.Up", "CT-104233", "VA40"),
            new Unit("DX1", "DX ROOM 2", "DX", "Philips", "DigitalDiagnost C90", "DX-55120", "5.1"),
            new Unit("MR1", "MR ROOM 3", "MR", "GE HealthCare", "SIGNA Voyager 1.5T", "MR-88017", "30.1"),
            new Unit("US1", "US ROOM 4", "US", "Canon", "Aplio i800", "US-31002", "7.0"));

    private final EquipmentService equipment;
    private final FaultLog faults;
    private final Clock clock;

    DemoEquipment(EquipmentService equipment, FaultLog faults, Clock clock) {
        this.equipment = equipment;
        this.faults = faults;
        this.clock = clock;
    }

    /** Adds what is missing; a restart keeps what it has. */
    void create() {
        for (Unit unit : UNITS) {
            if (equipment.forAeTitle(unit.aeTitle()).isPresent()) {
                continue;
            }
            Instant now = clock.instant();
            Equipment added = equipment.register(new EquipmentDetails(unit.aeTitle(), unit.room(), unit.modality(),
                    unit.manufacturer(), unit.model(), unit.serial(), unit.software(),
                    unit.manufacturer() + " service desk, +44 20 7946 0" + unit.serial().substring(3, 6)),
                    List.of(unit.aeTitle()), now.minus(Duration.ofDays(400)), LEAD);
            equipment.addAlias(added.id(), AliasKind.SERIAL_NUMBER, unit.serial(), LEAD);
            equipment.addAlias(added.id(), AliasKind.STATION_NAME, unit.room(), LEAD);
            if (unit.modality().equals("CT")) {
                equipment.setQcFailureRule(added.id(), true, LEAD);
                pastFault(added, now);
            }
        }
    }

    /** Each room cleaned once the day is set up, so that the board starts with rooms ready. */
    void cleanRooms() {
        UNITS.forEach(unit -> equipment.roomCleaned(unit.room(), TECH));
    }

    /** A tube fault three days ago: reset tried, the vendor called, four hours out of service. */
    private void pastFault(Equipment ct, Instant now) {
        Instant start = now.minus(Duration.ofDays(3)).minus(Duration.ofHours(5));
        Instant back = start.plus(Duration.ofHours(4));
        Fault fault = faults.report(ct.id(), new NewFault("Tube arcing during a chest scan, scan aborted", "E-3019",
                FaultSeverity.STOPS_SCANNING, "Patient rebooked on the afternoon list"), start, TECH);
        faults.action(fault.id(), "System reset; arcing again on the warm-up scan", start.plus(Duration.ofMinutes(10)), TECH);
        equipment.setStatus(ct.id(), EquipmentStatus.OUT_OF_SERVICE, "Fault: tube arcing (E-3019)",
                start.plus(Duration.ofMinutes(15)), LEAD);
        faults.serviceCall(fault.id(), "SR-2291837", start.plus(Duration.ofMinutes(20)), TECH);
        faults.resolve(fault.id(), "Vendor engineer seasoned the tube and recalibrated; air calibration passed", back,
                TECH);
        equipment.setStatus(ct.id(), EquipmentStatus.IN_SERVICE, "Engineer's fix verified; daily QC passed", back, LEAD);
    }
}
