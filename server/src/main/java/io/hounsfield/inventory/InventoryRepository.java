package io.hounsfield.inventory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inventory tables (V53). Stock changes are single conditional statements, so that they are atomic. */
@Repository
class InventoryRepository {

    private static final String LOT = """
            SELECT l.id, l.item_id, i.name, i.category, i.gtin, l.lot_number, l.expiry, l.recalled_at IS NOT NULL
                   AS recalled, i.unit, i.agent_code
              FROM inventory_lot l JOIN inventory_item i ON i.id = l.item_id
            """;

    private final JdbcClient jdbc;

    InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InventoryService.Lot> lot(long id) {
        return jdbc.sql(LOT + " WHERE l.id = ?").param(id).query(InventoryRepository::lot).optional();
    }

    Optional<InventoryService.Lot> lotByGtin(String gtin, String lotNumber) {
        return jdbc.sql(LOT + " WHERE i.gtin = ? AND l.lot_number = ?").params(gtin, lotNumber)
                .query(InventoryRepository::lot).optional();
    }

    List<InventoryService.Lot> usableLots(String room, String category, LocalDate today) {
        return jdbc.sql(LOT + """
                 JOIN inventory_stock s ON s.lot_id = l.id
                 WHERE s.room = ? AND s.quantity > 0 AND l.expiry >= ? AND l.recalled_at IS NULL
                   AND (CAST(? AS VARCHAR) IS NULL OR i.category = ?)
                 ORDER BY l.expiry, i.name, l.lot_number""").params(room, today, category, category)
                .query(InventoryRepository::lot).list();
    }

    /** Takes {@code amount} if at least that much is there; false (and nothing changed) otherwise. */
    boolean take(long lotId, String room, BigDecimal amount) {
        return jdbc.sql("UPDATE inventory_stock SET quantity = quantity - ? WHERE lot_id = ? AND room = ? "
                + "AND quantity >= ?").params(amount, lotId, room, amount).update() == 1;
    }

    /** Puts {@code amount} (positive) on the room's shelf. */
    void put(long lotId, String room, BigDecimal amount) {
        jdbc.sql("""
                INSERT INTO inventory_stock (lot_id, room, quantity) VALUES (?, ?, ?)
                ON CONFLICT (lot_id, room) DO UPDATE SET quantity = inventory_stock.quantity + EXCLUDED.quantity""")
                .params(lotId, room, amount).update();
    }

    BigDecimal quantity(long lotId, String room) {
        return jdbc.sql("SELECT quantity FROM inventory_stock WHERE lot_id = ? AND room = ?").params(lotId, room)
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    void movement(long lotId, String room, String kind, BigDecimal amount, Long examId, String reason, String actor,
            Instant at) {
        jdbc.sql("""
                INSERT INTO inventory_movement (lot_id, room, kind, amount, exam_id, reason, actor, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lotId, room, kind, amount, examId, reason, actor, Timestamp.from(at)).update();
    }

    /** The item's usable stock in the room (expired and recalled lots do not count toward it). */
    BigDecimal usableQuantity(long itemId, String room, LocalDate today) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(s.quantity), 0) FROM inventory_stock s JOIN inventory_lot l ON l.id = s.lot_id
                 WHERE l.item_id = ? AND s.room = ? AND l.expiry >= ? AND l.recalled_at IS NULL""")
                .params(itemId, room, today).query(BigDecimal.class).single();
    }

    Optional<BigDecimal> reorderLevel(long itemId, String room) {
        return jdbc.sql("SELECT level FROM inventory_reorder_level WHERE item_id = ? AND room = ?")
                .params(itemId, room).query(BigDecimal.class).optional();
    }

    String itemName(long itemId) {
        return jdbc.sql("SELECT name FROM inventory_item WHERE id = ?").param(itemId).query(String.class).single();
    }

    String gtin(long itemId) {
        return jdbc.sql("SELECT gtin FROM inventory_item WHERE id = ?").param(itemId).query(String.class).single();
    }

    String unit(long itemId) {
        return jdbc.sql("SELECT unit FROM inventory_item WHERE id = ?").param(itemId).query(String.class).single();
    }

    void setReorderLevel(long itemId, String room, BigDecimal level) {
        jdbc.sql("""
                INSERT INTO inventory_reorder_level (item_id, room, level) VALUES (?, ?, ?)
                ON CONFLICT (item_id, room) DO UPDATE SET level = EXCLUDED.level""").params(itemId, room, level)
                .update();
    }

    /** Marks the level crossed; true only for the one caller that crossed it (once per crossing). */
    boolean markAlerted(long itemId, String room) {
        return jdbc.sql("UPDATE inventory_reorder_level SET alerted = TRUE WHERE item_id = ? AND room = ? "
                + "AND NOT alerted").params(itemId, room).update() == 1;
    }

    void clearAlerted(long itemId, String room) {
        jdbc.sql("UPDATE inventory_reorder_level SET alerted = FALSE WHERE item_id = ? AND room = ? AND alerted")
                .params(itemId, room).update();
    }

    boolean recall(long lotId, String reason, String actor, Instant at) {
        return jdbc.sql("UPDATE inventory_lot SET recalled_at = ?, recalled_by = ?, recall_reason = ? "
                + "WHERE id = ? AND recalled_at IS NULL").params(Timestamp.from(at), actor, reason, lotId)
                .update() == 1;
    }

    Optional<String> recallReason(long lotId) {
        return jdbc.sql("SELECT recall_reason FROM inventory_lot WHERE id = ?").param(lotId).query(String.class)
                .optional();
    }

    long createItem(String name, String category, String unit, String gtin, String agentCode) {
        return jdbc.sql("""
                INSERT INTO inventory_item (name, category, unit, gtin, agent_code) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(name, category, unit, gtin, agentCode).query(Long.class).single();
    }

    Optional<Long> itemByName(String name) {
        return jdbc.sql("SELECT id FROM inventory_item WHERE name = ?").param(name).query(Long.class).optional();
    }

    long lotFor(long itemId, String lotNumber, LocalDate expiry) {
        return jdbc.sql("""
                INSERT INTO inventory_lot (item_id, lot_number, expiry) VALUES (?, ?, ?)
                ON CONFLICT (item_id, lot_number) DO UPDATE SET lot_number = EXCLUDED.lot_number RETURNING id""")
                .params(itemId, lotNumber, expiry).query(Long.class).single();
    }

    private static InventoryService.Lot lot(ResultSet row, int number) throws SQLException {
        return new InventoryService.Lot(row.getLong("id"), row.getLong("item_id"), row.getString("name"),
                row.getString("category"), row.getString("gtin"), row.getString("lot_number"),
                row.getObject("expiry", LocalDate.class), row.getBoolean("recalled"), row.getString("unit"),
                row.getString("agent_code"));
    }
}
