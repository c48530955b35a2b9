package io.hounsfield.inventory;

import java.math.BigDecimal;

/** An item's reorder level in a room with its usable stock; {@code low} when the stock is at or below it. */
public record ReorderRow(long itemId, String itemName, String unit, String room, BigDecimal level, BigDecimal usable) {

    public boolean low() {
        return usable.compareTo(level) <= 0;
    }

    public String levelInWords() {
        return InventoryWords.amount(level, unit);
    }

    public String usableInWords() {
        return InventoryWords.amount(usable, unit);
    }
}
