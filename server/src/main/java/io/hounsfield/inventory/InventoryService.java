package io.hounsfield.inventory;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's public API: lots of contrast media and supplies with their expiry, stock per room (the station
 * AE title exams are booked on), and the one way to take stock in an exam, {@link #use}, which decrements exactly
 * the amount used with a single conditional update, so that two technologists recording at once never take more
 * than is there. Receipts, adjustments, recalls and reorder levels are in {@link StockKeeping}.
 */
@Service
public class InventoryService {

    /**
     * A lot of an item, as staff pick it.
     *
     * @param category CONTRAST, CATHETER, STERILE_TRAY, NEEDLE, SYRINGE or OTHER (see {@link #categoryInWords})
     * @param unit      "mL" or "piece"
     * @param agentCode the contrast feature's agent ("IOHEXOL_350", "GADOTERATE"), null for other items
     */
    public record Lot(long id, long itemId, String itemName, String category, String gtin, String lotNumber,
            LocalDate expiry, boolean recalled, String unit, String agentCode) {}

    private final InventoryRepository repository;
    private final ReorderAlerts reorder;
    private final ExamService exams;
    private final PatientService patients;
    private final AuditService audit;
    private final Clock clock;

    InventoryService(InventoryRepository repository, ReorderAlerts reorder, ExamService exams,
            PatientService patients, AuditService audit, Clock clock) {
        this.repository = repository;
        this.reorder = reorder;
        this.exams = exams;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Lot> lot(long lotId) {
        return repository.lot(lotId);
    }

    /** The lot a GS1 scan names: its GTIN (AI 01) and lot number (AI 10). */
    public Optional<Lot> lotByGtin(String gtin, String lotNumber) {
        return repository.lotByGtin(gtin, lotNumber);
    }

    /** How much of the lot is left in the room, in the item's unit (0 when none is there). */
    public BigDecimal remaining(long lotId, String room) {
        return repository.quantity(lotId, room);
    }

    /** Lots in stock in {@code room}, not expired, not recalled, soonest expiry first; any category if null. */
    public List<Lot> usableLots(String room, String category) {
        return repository.usableLots(room, category, LocalDate.now(clock));
    }

    /**
     * Takes {@code use.amount()} of the lot from the room's stock for the exam, records and audits the use, and
     * tells the lead when the item's stock in the room falls to its reorder level.
     *
     * @throws StockRefused for an expired or recalled lot, or when less is left in the room than asked
     */
    @Transactional
    public Lot use(StockUse use) {
        Actor actor = actor(use.actor());
        Exam exam = exams.get(use.examId());
        String patient = patients.get(exam.patientId()).identifier().toString();
        Lot lot = repository.lot(use.lotId()).orElseThrow(() -> refused(actor, exam, patient,
                "This lot is not in the inventory."));
        if (use.amount() == null || use.amount().signum() <= 0) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Enter how much was used (more than 0).");
        }
        if (use.room() == null || use.room().isBlank()) {
            throw refused(actor, exam, patient, "This exam has no room: its stock cannot be known.");
        }
        Optional<String> refusal = refusal(lot, LocalDate.now(clock));
        if (refusal.isPresent()) {
            throw refused(actor, exam, patient, refusal.get());
        }
        if (!repository.take(lot.id(), use.room(), use.amount())) {
            BigDecimal left = repository.quantity(lot.id(), use.room());
            throw refused(actor, exam, patient, (left.signum() == 0 ? "No " : "Only " + amount(left, lot.unit())
                    + " of ") + lot.itemName() + " lot " + lot.lotNumber() + " left in " + use.room());
        }
        repository.movement(lot.id(), use.room(), "USE", use.amount().negate(), exam.id(), null, actor.name(),
                clock.instant());
        audit.record(actor, AuditEntry.success("STOCK_USED", "EXAM", exam.accessionNumber()).forPatient(patient)
                .withDetail(amount(use.amount(), lot.unit()) + " of " + lot.itemName() + " lot " + lot.lotNumber()
                        + " from " + use.room()));
        reorder.check(lot.itemId(), lot.itemName(), use.room(), actor);
        return lot;
    }

    /** Why the lot may not be used today, in words, if it may not. */
    static Optional<String> refusal(Lot lot, LocalDate today) {
        if (lot.recalled()) {
            return Optional.of("Lot " + lot.lotNumber() + " of " + lot.itemName()
                    + " is recalled — it cannot be used; take it off the shelf");
        }
        if (lot.expiry().isBefore(today)) {
            return Optional.of("Lot " + lot.lotNumber() + " expired on " + InventoryWords.date(lot.expiry())
                    + " — it cannot be used");
        }
        return Optional.empty();
    }

    /** Reads a scanned GS1 element string; see {@link Gs1}. @throws IllegalArgumentException with a plain reason */
    public static Gs1Element parseGs1(String scanned) {
        return Gs1.parse(scanned);
    }

    /** A category as staff call it ("Sterile tray"). */
    public static String categoryInWords(String category) {
        return InventoryWords.category(category);
    }

    private StockRefused refused(Actor actor, Exam exam, String patient, String reason) {
        audit.record(actor, AuditEntry.failure("STOCK_USE_REFUSED", "EXAM", exam.accessionNumber(), reason)
                .forPatient(patient));
        return new StockRefused(reason);
    }

    static String amount(BigDecimal amount, String unit) {
        return InventoryWords.amount(amount, unit);
    }

    /** The web user when it is they who record; else the named login (a job, a test). */
    static Actor actor(String login) {
        Actor current = AuditService.currentActor();
        return current.name().equals(login) || login == null ? current
                : new Actor(login, current.role(), current.sourceAddress());
    }
}
