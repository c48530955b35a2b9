package io.hounsfield.contrast;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.inventory.Gs1Element;
import io.hounsfield.inventory.InventoryService;
import io.hounsfield.inventory.InventoryService.Lot;
import io.hounsfield.inventory.StockUse;
import io.hounsfield.patient.PatientService;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a contrast administration and takes its volume from the room's stock in the same transaction: a refused
 * lot (expired, recalled, not enough left) records nothing. Kept for the report and shown in the cockpit.
 */
@Component
class Administrations {

    static final Map<String, String> ROUTES = Map.of("IV", "intravenous", "ORAL", "oral", "RECTAL", "rectal",
            "INTRA_ARTICULAR", "intra-articular", "INTRA_ARTERIAL", "intra-arterial", "INTRATHECAL", "intrathecal",
            "OTHER", "other");

    private final InventoryService inventory;
    private final ContrastRecords records;
    private final JdbcClient jdbc;
    private final PatientService patients;
    private final AuditService audit;
    private final Clock clock;
    private final ReactionRecorder times;

    Administrations(InventoryService inventory, ContrastRecords records, JdbcClient jdbc, PatientService patients,
            AuditService audit, Clock clock, ReactionRecorder times) {
        this.inventory = inventory;
        this.records = records;
        this.jdbc = jdbc;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
        this.times = times;
    }

    void administer(Exam exam, boolean gadolinium, AdministrationForm form, Actor actor) {
        Lot lot = lot(form);
        if (!"CONTRAST".equals(lot.category())) {
            throw ContrastRules.refused(lot.itemName() + " is not a contrast agent.");
        }
        ContrastAgent agent = lot.agentCode() == null ? null : records.agent(lot.agentCode()).orElse(null);
        ContrastRules.refuseWrongClass(agent, gadolinium);
        ContrastRules.refuseGroupOne(agent, records.kidney(exam.id()).map(ContrastRecords.Kidney::severe).orElse(false));
        if (form.volumeMl() == null || form.volumeMl().signum() <= 0) {
            throw ContrastRules.refused("Enter the volume given, in mL.");
        }
        if (form.route() == null || !ROUTES.containsKey(form.route())) {
            throw ContrastRules.refused("Choose the route.");
        }
        Instant at = times.pastTime(form.administeredAt(), "when the contrast was given");
        inventory.use(new StockUse(lot.id(), exam.stationAeTitle(), form.volumeMl(), exam.id(), actor.name()));
        jdbc.sql("""
                INSERT INTO contrast_administration (exam_id, lot_id, agent_code, agent_name, lot_number, expiry,
                    concentration, volume_ml, route, site, rate_ml_s, injector, administered_by, administered_at,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(exam.id(), lot.id(), agent == null ? null : agent.code(), lot.itemName(), lot.lotNumber(),
                        lot.expiry() == null ? null : Date.valueOf(lot.expiry()),
                        agent == null ? null : agent.concentrationText(), form.volumeMl(), form.route(),
                        blank(form.site()), form.rateMlPerS(), blank(form.injector()), actor.name(), Timestamp.from(at),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(actor, AuditEntry.success("CONTRAST_ADMINISTERED", "EXAM", exam.accessionNumber())
                .forPatient(patients.get(exam.patientId()).identifier().toString())
                .withDetail(form.volumeMl().toPlainString() + " mL of " + lot.itemName() + " lot " + lot.lotNumber()));
    }

    /** The administrations of an exam in words, for the cockpit and the report. */
    List<String> lines(long examId) {
        return jdbc.sql("SELECT * FROM contrast_administration WHERE exam_id = ? ORDER BY administered_at").param(examId)
                .query((row, n) -> row.getBigDecimal("volume_ml").stripTrailingZeros().toPlainString() + " mL of "
                        + row.getString("agent_name") + (row.getString("concentration") == null ? ""
                        : " (" + row.getString("concentration") + ")") + ", lot " + row.getString("lot_number")
                        + ", " + ROUTES.getOrDefault(row.getString("route"), row.getString("route"))
                        + (row.getString("site") == null ? "" : " at " + row.getString("site"))
                        + (row.getBigDecimal("rate_ml_s") == null ? "" : ", " + row.getBigDecimal("rate_ml_s")
                        .stripTrailingZeros().toPlainString() + " mL/s")
                        + (row.getString("injector") == null ? "" : ", injector " + row.getString("injector"))
                        + ", by " + row.getString("administered_by") + " at "
                        + row.getTimestamp("administered_at").toInstant().atZone(clock.getZone()).toLocalTime()
                        .withSecond(0).withNano(0))
                .list();
    }

    private Lot lot(AdministrationForm form) {
        if (form.gs1() != null && !form.gs1().isBlank()) {
            Gs1Element scanned;
            try {
                scanned = InventoryService.parseGs1(form.gs1().strip());
            } catch (IllegalArgumentException unreadable) {
                throw ContrastRules.refused("The scanned code could not be read: " + unreadable.getMessage());
            }
            return inventory.lotByGtin(scanned.gtin(), scanned.lot()).orElseThrow(() -> ContrastRules.refused(
                    "The scanned lot " + scanned.lot() + " is not in the inventory."));
        }
        if (form.lotId() == null) {
            throw ContrastRules.refused("Pick the lot from the room's stock, or scan its barcode.");
        }
        return inventory.lot(form.lotId()).orElseThrow(() -> ContrastRules.refused("This lot is not in the inventory."));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO;
    }
}
