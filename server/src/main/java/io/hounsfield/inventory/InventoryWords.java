package io.hounsfield.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Inventory values as staff read them: categories, amounts with their unit, dates. */
final class InventoryWords {

    /** The kinds of item in the order the forms offer them. */
    static final Map<String, String> CATEGORIES = inOrder("CONTRAST", "Contrast medium", "CATHETER", "IV catheter",
            "STERILE_TRAY", "Sterile tray", "NEEDLE", "Needle", "SYRINGE", "Syringe", "OTHER", "Other supply");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private InventoryWords() {}

    private static Map<String, String> inOrder(String... keysAndWords) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndWords.length; i += 2) {
            map.put(keysAndWords[i], keysAndWords[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    static String category(String category) {
        return CATEGORIES.getOrDefault(category, "Other supply");
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** "20 mL", "1 piece", "3 pieces". */
    static String amount(BigDecimal amount, String unit) {
        String number = amount.stripTrailingZeros().toPlainString();
        if ("mL".equals(unit)) {
            return number + " mL";
        }
        return number + (amount.compareTo(BigDecimal.ONE) == 0 ? " piece" : " pieces");
    }
}
