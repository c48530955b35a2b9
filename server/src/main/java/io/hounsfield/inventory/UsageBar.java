package io.hounsfield.inventory;

import java.math.BigDecimal;

/** How much of an item exams of one procedure used in a period, and in how many exams. */
public record UsageBar(String procedureCode, String procedure, BigDecimal total, long exams, String unit) {

    public String totalInWords() {
        return InventoryWords.amount(total, unit);
    }
}
