package io.hounsfield.dicom.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A DT value: a local date and time with an optional UTC offset (PS3.5 §6.2, Table 6.2-1), plus the DA and TM codecs.
 * Missing trailing components (DT "2004", TM "07") take their lowest value; a fraction keeps up to microseconds.
 */
public record DicomDateTime(LocalDateTime dateTime, ZoneOffset offset) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** Parses a DA value, also the old ACR-NEMA form {@code yyyy.mm.dd} (PS3.5 Table 6.2-1 note). */
    public static LocalDate parseDate(String value) {
        String digits = value.strip().replace(".", "");
        try {
            return LocalDate.parse(digits, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a DA value: " + value, e);
        }
    }

    public static String formatDate(LocalDate date) {
        return date.format(DATE);
    }

    /** Parses a TM value {@code HH[MM[SS[.F{1,6}]]]}, also the old form with colons. */
    public static LocalTime parseTime(String value) {
        String text = value.strip().replace(":", "");
        try {
            int hour = Integer.parseInt(text.substring(0, 2));
            int minute = text.length() >= 4 ? Integer.parseInt(text.substring(2, 4)) : 0;
            int second = text.length() >= 6 ? Math.min(59, Integer.parseInt(text.substring(4, 6))) : 0;
            int nanos = text.length() > 7 && text.charAt(6) == '.' ? fraction(text.substring(7)) : 0;
            return LocalTime.of(hour, minute, second, nanos);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a TM value: " + value, e);
        }
    }

    /** Formats a TM value with microseconds only when the time has a fraction. */
    public static String formatTime(LocalTime time) {
        String text = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    /** Parses a DT value {@code YYYY[MM[DD[HH[MM[SS[.F{1,6}]]]]]][&ZZXX]}. */
    public static DicomDateTime parse(String value) {
        String text = value.strip();
        ZoneOffset offset = null;
        int sign = Math.max(text.indexOf('+'), text.indexOf('-'));
        try {
            if (sign > 0) {
                offset = ZoneOffset.of(text.substring(sign, sign + 3) + ":" + text.substring(sign + 3));
                text = text.substring(0, sign);
            }
            int year = Integer.parseInt(text.substring(0, 4));
            int month = text.length() >= 6 ? Integer.parseInt(text.substring(4, 6)) : 1;
            int day = text.length() >= 8 ? Integer.parseInt(text.substring(6, 8)) : 1;
            LocalTime time = text.length() >= 10 ? parseTime(text.substring(8)) : LocalTime.MIDNIGHT;
            return new DicomDateTime(LocalDateTime.of(LocalDate.of(year, month, day), time), offset);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DT value: " + value, e);
        }
    }

    private static int fraction(String digits) {
        String six = (digits + "000000").substring(0, 6);
        return Integer.parseInt(six) * 1000;
    }

    /** The value as encoded, e.g. {@code 20240131120000.500000+0100}. */
    @Override
    public String toString() {
        String text = formatDate(dateTime.toLocalDate()) + formatTime(dateTime.toLocalTime());
        if (offset == null) {
            return text;
        }
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return text + String.format("%c%02d%02d", seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
    }
}
