package io.hounsfield.inventory;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lead's side of the inventory: items, receipts, adjustments with a reason, recalls, reorder levels; audited. */
@Service
class StockKeeping {

    private static final String ITEM = "INVENTORY_ITEM";
    private static final String LOT = "INVENTORY_LOT";

    private final InventoryRepository repository;
    private final StockQueries queries;
    private final ReorderAlerts reorder;
    private final AuditService audit;
    private final Clock clock;

    StockKeeping(InventoryRepository repository, StockQueries queries, ReorderAlerts reorder, AuditService audit,
            Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.reorder = reorder;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new item; a contrast medium names its agent (from {@link ContrastAgentChoices}), other items none. Refused
     * with the reason when a value is missing or wrong, or the name or GTIN is taken.
     */
    @Transactional
    long createItem(String name, String category, String unit, String gtin, String agentCode, Actor actor) {
        String named = required(name, "the item's name");
        if (named.length() > 120) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "The name is longer than 120 characters.");
        }
        if (category == null || !InventoryWords.CATEGORIES.containsKey(category)) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Choose what kind of item it is.");
        }
        if (!"mL".equals(unit) && !"piece".equals(unit)) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Choose whether it is counted in mL or in pieces.");
        }
        if ("CONTRAST".equals(category) != (agentCode != null)) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "CONTRAST".equals(category)
                    ? "Choose the contrast agent, so that its rules apply when it is given."
                    : "Only a contrast medium names a contrast agent.");
        }
        if (gtin != null) {
            Gs1.parse("(01)" + gtin);
        }
        if (repository.itemByName(named).isPresent()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "An item named " + named + " exists already.");
        }
        if (gtin != null && queries.itemByGtin(gtin).isPresent()) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "An item with GTIN " + gtin + " exists already.");
        }
        long id = repository.createItem(named, category, unit, gtin, agentCode);
        audit.record(actor, AuditEntry.success("INVENTORY_ITEM_CREATED", ITEM, named));
        return id;
    }

    /** Stock arriving in a room: the lot is created with its expiry when new. */
    @Transactional
    InventoryService.Lot receive(long itemId, String lotNumber, LocalDate expiry, String room, BigDecimal amount,
            Actor actor) {
        positive(amount);
        long lotId = repository.lotFor(itemId, required(lotNumber, "the lot number"), expiry);
        InventoryService.Lot lot = repository.lot(lotId).orElseThrow();
        if (!lot.expiry().equals(expiry)) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Lot " + lotNumber + " of " + lot.itemName()
                    + " is recorded with expiry " + InventoryWords.date(lot.expiry()) + ", not "
                    + InventoryWords.date(expiry) + ": check the label.");
        }
        repository.put(lotId, required(room, "the room"), amount);
        repository.movement(lotId, room, "RECEIPT", amount, null, null, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("STOCK_RECEIVED", LOT, lot.lotNumber())
                .withDetail(InventoryWords.amount(amount, lot.unit()) + " of " + lot.itemName() + " into " + room));
        reorder.check(itemId, lot.itemName(), room, actor);
        return lot;
    }

    /** A count that differs from the books, breakage, a transfer out: {@code change} is signed, the reason required. */
    @Transactional
    void adjust(long lotId, String room, BigDecimal change, String reason, Actor actor) {
        InventoryService.Lot lot = repository.lot(lotId).orElseThrow(() -> new HounsfieldException(
                Failure.NOT_FOUND, "This lot is not in the inventory."));
        String why = required(reason, "a reason for the adjustment");
        if (change == null || change.signum() == 0) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Enter the change: more or less than 0.");
        }
        if (change.signum() > 0) {
            repository.put(lotId, room, change);
        } else if (!repository.take(lotId, room, change.negate())) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Only "
                    + InventoryWords.amount(repository.quantity(lotId, room), lot.unit()) + " of " + lot.itemName()
                    + " lot " + lot.lotNumber() + " is in " + room + ".");
        }
        repository.movement(lotId, room, "ADJUSTMENT", change, null, why, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("STOCK_ADJUSTED", LOT, lot.lotNumber()).withDetail(
                (change.signum() > 0 ? "+" : "") + InventoryWords.amount(change, lot.unit()) + " of "
                        + lot.itemName() + " in " + room + ": " + why));
        reorder.check(lot.itemId(), lot.itemName(), room, actor);
    }

    /** Blocks the lot in every room; its use is refused from now on. */
    @Transactional
    void recall(long lotId, String reason, Actor actor) {
        String why = required(reason, "the recall notice or reason");
        if (!repository.recall(lotId, why, actor.name(), clock.instant())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT, "This lot is already recalled or does not exist.");
        }
        InventoryService.Lot lot = repository.lot(lotId).orElseThrow();
        audit.record(actor, AuditEntry.success("LOT_RECALLED", LOT, lot.lotNumber())
                .withDetail(lot.itemName() + ": " + why));
    }

    @Transactional
    void setReorderLevel(long itemId, String room, BigDecimal level, Actor actor) {
        if (level == null || level.signum() < 0) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Enter a reorder level of 0 or more.");
        }
        repository.setReorderLevel(itemId, required(room, "the room"), level);
        audit.record(actor, AuditEntry.success("REORDER_LEVEL_SET", ITEM, String.valueOf(itemId))
                .withDetail(room + ": " + level.stripTrailingZeros().toPlainString()));
    }

    private static void positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Enter the amount received (more than 0).");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Enter " + what + ".");
        }
        return value.strip();
    }
}
