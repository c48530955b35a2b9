package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.Sex;
import io.hounsfield.system.Failure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.StringJoiner;

/**
 * Reads the fields Hounsfield needs from a message through Terser paths that find a segment wherever
 * the structure puts it ({@code /.PID}), so ADT, ORM and OMI share one reader.
 */
final class Hl7Fields {

    private static final int MAX_IDENTIFIER_REPETITIONS = 10;

    private Hl7Fields() {}

    /**
     * PID-3 (or MRG-1): the first identifier with an assigning authority (CX-4), as IHE profiles require; else, when
     * the sender has a configured {@code defaultAuthority}, the first identifier under that authority. Without either
     * the message is refused with the field's location in ERR-2 and code 101 (required field missing) in ERR-3.
     */
    static PatientIdentifier patientIdentifier(Terser message, String segmentField, String defaultAuthority)
            throws HL7Exception {
        String firstValue = null;
        for (int repetition = 0; repetition < MAX_IDENTIFIER_REPETITIONS; repetition++) {
            String value = message.get("/." + segmentField + "(" + repetition + ")-1");
            if (value == null || value.isBlank()) {
                break;
            }
            firstValue = firstValue == null ? value.strip() : firstValue;
            String issuer = message.get("/." + segmentField + "(" + repetition + ")-4-1");
            if (issuer != null && !issuer.isBlank()) {
                return new PatientIdentifier(issuer, value.strip());
            }
        }
        if (firstValue != null && defaultAuthority != null) {
            return new PatientIdentifier(defaultAuthority, firstValue);
        }
        String[] position = segmentField.split("-");
        HL7Exception refusal = new Hl7Refusal(Failure.MISSING_VALUE, firstValue == null
                ? segmentField + " (patient identifier) is required"
                : segmentField + " needs an identifier with its assigning authority (CX-4), and no default authority"
                        + " is configured for this sending application");
        refusal.setLocation(new Location().withSegmentName(position[0]).withSegmentRepetition(1)
                .withField(Integer.parseInt(position[1])).withFieldRepetition(1).withComponent(firstValue == null ? 1 : 4));
        throw refusal;
    }

    /** PID-5 name, PID-7 birth date, PID-8 sex, PID-15 language, AL1-3 allergies, body weight from OBX. */
    static Demographics demographics(Terser message) throws HL7Exception {
        String familyName = message.get("/.PID-5-1");
        if (familyName == null || familyName.isBlank()) {
            throw new Hl7Refusal(Failure.MISSING_VALUE, "PID-5 needs a family name");
        }
        return new Demographics(familyName, message.get("/.PID-5-2"), message.get("/.PID-5-3"),
                date(message.get("/.PID-7-1"), "PID-7"), Sex.fromCode(message.get("/.PID-8")),
                message.get("/.PID-15-1"), allergies(message), null, weightKg(message), null);
    }

    /** The allergens of the AL1 segments (AL1-3 text, else code), joined; null when there are none. */
    private static String allergies(Terser message) {
        StringJoiner allergens = new StringJoiner("; ");
        for (int repetition = 0; repetition < MAX_IDENTIFIER_REPETITIONS; repetition++) {
            String allergen = first(message, "/.AL1(" + repetition + ")-3-2", "/.AL1(" + repetition + ")-3-1");
            if (allergen == null) {
                break;
            }
            allergens.add(allergen);
        }
        return allergens.length() == 0 ? null : allergens.toString();
    }

    /** Body weight from an OBX with LOINC 29463-7 or 3141-9 in kg (OBX-6), if the message carries one. */
    private static BigDecimal weightKg(Terser message) {
        for (int repetition = 0; repetition < MAX_IDENTIFIER_REPETITIONS; repetition++) {
            String code = first(message, "/.OBX(" + repetition + ")-3-1");
            if (code == null) {
                return null;
            }
            String unit = first(message, "/.OBX(" + repetition + ")-6-1");
            if ((code.equals("29463-7") || code.equals("3141-9")) && "kg".equalsIgnoreCase(unit)) {
                try {
                    return new BigDecimal(first(message, "/.OBX(" + repetition + ")-5"));
                } catch (NumberFormatException | NullPointerException notANumber) {
                    return null;
                }
            }
        }
        return null;
    }

    /** An HL7 DT/DTM value's date part (YYYYMMDD...), or null when empty. */
    static LocalDate date(String value, String field) throws HL7Exception {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, Math.min(8, value.length())), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new Hl7Refusal(Failure.INVALID_INPUT, field + " is not a date: '" + value + "'");
        }
    }

    /** An HL7 DTM value (YYYYMMDDHHMM[SS], local time of the department) as an instant, or null when empty. */
    static Instant dateTime(String value, String field) throws HL7Exception {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.replaceAll("[^0-9].*$", "");
        try {
            if (digits.length() == 8) {
                return date(digits, field).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            String minutes = (digits + "000000").substring(0, 14);
            return LocalDateTime.parse(minutes, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    .atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Hl7Refusal(Failure.INVALID_INPUT, field + " is not a date and time: '" + value + "'");
        }
    }

    /**
     * The first non-blank of several fields (the same datum sits in different fields across versions);
     * a segment the message's structure does not have counts as empty.
     */
    static String first(Terser message, String... paths) {
        for (String path : paths) {
            String value = valueOrNull(message, path);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String valueOrNull(Terser message, String path) {
        try {
            return message.get(path);
        } catch (HL7Exception segmentNotInStructure) {
            return null;
        }
    }
}
