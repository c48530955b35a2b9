package io.hounsfield.inventory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GS1 element string as a scanner sends it (GS1 General Specifications): either raw, with variable-length
 * elements ended by FNC1, which scanners transmit as the group separator (GS, 0x1D; §7.8.5), or in the
 * human-readable form with each Application Identifier in brackets, "(01)…(17)…(10)…" (§4.15). A leading
 * symbology identifier ("]d2" for GS1 DataMatrix, "]C1" for GS1-128, "]Q3" for GS1 QR, "]e0" for GS1 DataBar) is
 * dropped. AI (01) is checked with the GS1 check digit (§7.9.1); AI (17) YYMMDD with DD 00 means the last day of
 * the month (§3.4.7 "Expiration date"); its century is 20YY.
 */
public final class Gs1 {

    static final char GS = '\u001D';
    private static final Pattern BRACKETED = Pattern.compile("\\((\\d{2,4})\\)([^(]*)");
    /** Fixed-length AIs (§5.10.1 table of predefined lengths) that may come before the ones we read. */
    private static final Map<String, Integer> FIXED = Map.ofEntries(Map.entry("00", 18), Map.entry("01", 14),
            Map.entry("02", 14), Map.entry("11", 6), Map.entry("12", 6), Map.entry("13", 6), Map.entry("15", 6),
            Map.entry("16", 6), Map.entry("17", 6), Map.entry("20", 2));
    /** Variable-length AIs with their maximum length (GS-terminated unless last). */
    private static final Map<String, Integer> VARIABLE = Map.of("10", 20, "21", 20, "22", 20, "30", 8, "37", 8,
            "240", 30, "241", 30, "250", 30, "251", 30);

    private Gs1() {}

    /** @throws IllegalArgumentException with a reason fit to show the person who scanned */
    public static Gs1Element parse(String scanned) {
        if (scanned == null || scanned.isBlank()) {
            throw new IllegalArgumentException("The scan is empty.");
        }
        String text = withoutSymbologyIdentifier(scanned.strip());
        Map<String, String> elements = text.startsWith("(") ? bracketed(text) : raw(text);
        String gtin = elements.get("01");
        if (gtin != null) {
            checkGtin(gtin);
        }
        String expiry = elements.get("17");
        String lot = elements.get("10");
        if (gtin == null && lot == null && expiry == null) {
            throw new IllegalArgumentException("The scan has no GTIN, lot or expiry date.");
        }
        return new Gs1Element(gtin, lot, expiry == null ? null : date(expiry), elements.get("21"));
    }

    private static String withoutSymbologyIdentifier(String text) {
        if (text.length() >= 3 && text.charAt(0) == ']') {
            return text.substring(3);
        }
        return text;
    }

    private static Map<String, String> bracketed(String text) {
        Map<String, String> elements = new HashMap<>();
        Matcher matcher = BRACKETED.matcher(text.replace(String.valueOf(GS), ""));
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                throw new IllegalArgumentException("The scan cannot be read after \"" + text.substring(0, end) + "\".");
            }
            put(elements, matcher.group(1), matcher.group(2));
            end = matcher.end();
        }
        if (end != text.replace(String.valueOf(GS), "").length()) {
            throw new IllegalArgumentException("The scan cannot be read: it is not a GS1 element string.");
        }
        return elements;
    }

    private static Map<String, String> raw(String text) {
        Map<String, String> elements = new HashMap<>();
        int at = 0;
        while (at < text.length()) {
            if (text.charAt(at) == GS) {
                at++;
                continue;
            }
            String ai = applicationIdentifier(text, at);
            int start = at + ai.length();
            int end;
            if (FIXED.containsKey(ai)) {
                end = start + FIXED.get(ai);
                if (end > text.length()) {
                    throw new IllegalArgumentException("The scan ends inside AI (" + ai + ").");
                }
            } else {
                int gs = text.indexOf(GS, start);
                end = gs < 0 ? text.length() : gs;
            }
            put(elements, ai, text.substring(start, end));
            at = end;
        }
        return elements;
    }

    private static String applicationIdentifier(String text, int at) {
        for (int length = 2; length <= 3 && at + length <= text.length(); length++) {
            String ai = text.substring(at, at + length);
            if (FIXED.containsKey(ai) || VARIABLE.containsKey(ai)) {
                return ai;
            }
        }
        throw new IllegalArgumentException("The scan has an element this system does not read, at \""
                + text.substring(at, Math.min(text.length(), at + 4)) + "\".");
    }

    private static void put(Map<String, String> elements, String ai, String value) {
        Integer fixed = FIXED.get(ai);
        Integer max = VARIABLE.get(ai);
        if (fixed == null && max == null) {
            throw new IllegalArgumentException("The scan has AI (" + ai + "), which this system does not read.");
        }
        if (fixed != null ? value.length() != fixed : value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException("AI (" + ai + ") has the wrong length: \"" + value + "\".");
        }
        if (fixed != null && !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("AI (" + ai + ") must be digits: \"" + value + "\".");
        }
        if (elements.putIfAbsent(ai, value) != null) {
            throw new IllegalArgumentException("The scan has AI (" + ai + ") twice.");
        }
    }

    private static void checkGtin(String gtin) {
        int expected = checkDigit(gtin.substring(0, 13));
        if (gtin.charAt(13) - '0' != expected) {
            throw new IllegalArgumentException("GTIN " + gtin + " has a wrong check digit (expected " + expected
                    + "): scan again or type it.");
        }
    }

    /** GS1 standard check digit (§7.9.1): weights 3 and 1 from the right, then up to the next multiple of ten. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int fromRight = digits.length() - i;
            sum += (digits.charAt(i) - '0') * (fromRight % 2 == 1 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    private static LocalDate date(String yymmdd) {
        try {
            YearMonth month = YearMonth.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)));
            int day = Integer.parseInt(yymmdd.substring(4, 6));
            return day == 0 ? month.atEndOfMonth() : month.atDay(day);
        } catch (DateTimeException invalid) {
            throw new IllegalArgumentException("The expiry date " + yymmdd + " is not a date.");
        }
    }
}
