package io.hounsfield.inventory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the inventory pages read: the shelves, the reorder levels, the items, and uses over a period. */
@Repository
class StockQueries {

    public record Item(long id, String name, String category, String unit, String gtin) {
        public String categoryInWords() {
            return InventoryWords.category(category);
        }
    }

    record ExamUse(long examId, BigDecimal amount) {}

    private final JdbcClient jdbc;

    StockQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lots with stock, per room, soonest expiry first; every room if {@code room} is null. */
    List<StockRow> shelves(String room) {
        return jdbc.sql("""
                SELECT s.room, i.id AS item_id, i.name, i.category, i.unit, l.id AS lot_id, l.lot_number, l.expiry,
                       l.recalled_at IS NOT NULL AS recalled, l.recall_reason, s.quantity
                  FROM inventory_stock s JOIN inventory_lot l ON l.id = s.lot_id JOIN inventory_item i ON i.id = l.item_id
                 WHERE s.quantity > 0 AND (CAST(? AS VARCHAR) IS NULL OR s.room = ?)
                 ORDER BY s.room, l.expiry, i.name, l.lot_number""").params(room, room)
                .query((row, n) -> new StockRow(row.getString("room"), row.getLong("item_id"), row.getString("name"),
                        row.getString("category"), row.getString("unit"), row.getLong("lot_id"),
                        row.getString("lot_number"), row.getObject("expiry", LocalDate.class),
                        row.getBoolean("recalled"), row.getString("recall_reason"), row.getBigDecimal("quantity")))
                .list();
    }

    List<ReorderRow> reorderLevels(String room, LocalDate today) {
        return jdbc.sql("""
                SELECT r.item_id, i.name, i.unit, r.room, r.level,
                       COALESCE((SELECT SUM(s.quantity) FROM inventory_stock s JOIN inventory_lot l ON l.id = s.lot_id
                                  WHERE l.item_id = r.item_id AND s.room = r.room AND l.expiry >= ?
                                    AND l.recalled_at IS NULL), 0) AS usable
                  FROM inventory_reorder_level r JOIN inventory_item i ON i.id = r.item_id
                 WHERE CAST(? AS VARCHAR) IS NULL OR r.room = ?
                 ORDER BY r.room, i.name""").params(today, room, room)
                .query((row, n) -> new ReorderRow(row.getLong("item_id"), row.getString("name"), row.getString("unit"),
                        row.getString("room"), row.getBigDecimal("level"), row.getBigDecimal("usable"))).list();
    }

    List<Item> items() {
        return jdbc.sql("SELECT id, name, category, unit, gtin FROM inventory_item ORDER BY category, name")
                .query((row, n) -> new Item(row.getLong("id"), row.getString("name"), row.getString("category"),
                        row.getString("unit"), row.getString("gtin"))).list();
    }

    /** The item with this GTIN (the column is unique). */
    Optional<Long> itemByGtin(String gtin) {
        return jdbc.sql("SELECT id FROM inventory_item WHERE gtin = ?").param(gtin).query(Long.class).optional();
    }

    /** Each exam's use of the item in [from, to). */
    List<ExamUse> uses(long itemId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT m.exam_id, -SUM(m.amount) AS amount FROM inventory_movement m
                  JOIN inventory_lot l ON l.id = m.lot_id
                 WHERE m.kind = 'USE' AND l.item_id = ? AND m.recorded_at >= ? AND m.recorded_at < ?
                 GROUP BY m.exam_id""").params(itemId, Timestamp.from(from), Timestamp.from(to))
                .query((row, n) -> new ExamUse(row.getLong("exam_id"), row.getBigDecimal("amount"))).list();
    }

    /** What was used in the exam, newest first. */
    List<String> usedInExam(long examId) {
        return jdbc.sql("""
                SELECT i.name, i.unit, l.lot_number, m.room, -m.amount AS amount FROM inventory_movement m
                  JOIN inventory_lot l ON l.id = m.lot_id JOIN inventory_item i ON i.id = l.item_id
                 WHERE m.kind = 'USE' AND m.exam_id = ? ORDER BY m.id DESC""").param(examId)
                .query((row, n) -> InventoryWords.amount(row.getBigDecimal("amount"), row.getString("unit")) + " of "
                        + row.getString("name") + " lot " + row.getString("lot_number") + " (" + row.getString("room")
                        + ")").list();
    }
}
