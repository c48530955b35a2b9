package io.hounsfield.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One lot on one room's shelf, as the stock page lists it. */
public record StockRow(String room, long itemId, String itemName, String category, String unit, long lotId,
        String lotNumber, LocalDate expiry, boolean recalled, String recallReason, BigDecimal quantity) {

    public String categoryInWords() {
        return InventoryWords.category(category);
    }

    public String quantityInWords() {
        return InventoryWords.amount(quantity, unit);
    }

    public String expiryInWords() {
        return InventoryWords.date(expiry);
    }

    public boolean expiredOn(LocalDate today) {
        return expiry.isBefore(today);
    }

    /** "Recalled", "Expired", "Expires within 30 days" or empty, for the status column. */
    public String status(LocalDate today) {
        if (recalled) {
            return "Recalled — do not use";
        }
        if (expiredOn(today)) {
            return "Expired — do not use";
        }
        return expiry.isBefore(today.plusDays(31)) ? "Expires within 30 days" : "";
    }
}
