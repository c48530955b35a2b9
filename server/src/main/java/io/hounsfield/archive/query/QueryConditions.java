package io.hounsfield.archive.query;

import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.index.IndexEntry;
import io.hounsfield.dicom.data.Attributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the matching keys of a C-FIND identifier into SQL conditions with parameters (PS3.4 §C.2.2.2): universal
 * matching for empty keys, single value, wildcards, UID lists and date ranges.
 */
final class QueryConditions {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private QueryConditions() {
    }

    /** The conditions for the keys of {@code identifier} that {@code level} matches on. */
    static QueryConditions of(QueryLevel level, Attributes identifier) {
        QueryConditions conditions = new QueryConditions();
        for (QueryKey key : QueryKey.ALL) {
            if (key.matching() == QueryKey.Matching.NONE || !level.answers(key)) {
                continue;
            }
            String[] values = identifier.contains(key.tag()) ? identifier.getStrings(key.tag()) : null;
            if (values == null || values.length == 0 || String.join("", values).isBlank()
                    || values.length == 1 && values[0].strip().equals("*")) {
                continue;
            }
            conditions.add(key, Arrays.stream(values).map(String::strip).toArray(String[]::new));
        }
        return conditions;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }

    private void add(QueryKey key, String[] values) {
        String column = key.expression();
        switch (key.matching()) {
            case UID -> in(column, values);
            case MODALITIES -> {
                sql.append(" AND EXISTS (SELECT 1 FROM archive_series m WHERE m.study_id = st.id AND m.modality IN (");
                sql.append(placeholders(values.length)).append("))");
                parameters.addAll(Arrays.asList(values));
            }
            case TEXT -> text(column, values[0], false);
            case PERSON_NAME -> text(column, values[0], true);
            case DATE -> date(column, values[0]);
            case TIME -> {
                if (values[0].contains("-")) {
                    time(column, values[0]);
                } else {
                    text(column, values[0], false);
                }
            }
            case NUMBER -> number(column, values[0]);
            case NONE -> { }
        }
    }

    private void in(String column, String[] values) {
        sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.length)).append(')');
        parameters.addAll(Arrays.asList(values));
    }

    private void text(String column, String value, boolean caseInsensitive) {
        String target = caseInsensitive ? "upper(" + column + ")" : column;
        String wanted = caseInsensitive ? value.toUpperCase(java.util.Locale.ROOT) : value;
        if (wanted.contains("*") || wanted.contains("?")) {
            sql.append(" AND ").append(target).append(" LIKE ? ESCAPE '\\'");
            parameters.add(likePattern(wanted));
        } else if (caseInsensitive) {
            sql.append(" AND (").append(target).append(" = ? OR ").append(target).append(" LIKE ? ESCAPE '\\')");
            parameters.add(wanted);
            parameters.add(likePattern(wanted) + "^%");
        } else {
            sql.append(" AND ").append(target).append(" = ?");
            parameters.add(wanted);
        }
    }

    static String likePattern(String value) {
        StringBuilder pattern = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> pattern.append('%');
                case '?' -> pattern.append('_');
                case '%', '_', '\\' -> pattern.append('\\').append(c);
                default -> pattern.append(c);
            }
        }
        return pattern.toString();
    }

    private void date(String column, String value) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(parse(value));
            return;
        }
        String from = value.substring(0, dash).strip();
        String to = value.substring(dash + 1).strip();
        if (!from.isEmpty()) {
            sql.append(" AND ").append(column).append(" >= ?");
            parameters.add(parse(from));
        }
        if (!to.isEmpty()) {
            sql.append(" AND ").append(column).append(" <= ?");
            parameters.add(parse(to));
        }
    }

    /**
     * A range of times (§C.2.2.2.5.1), either end open: compared as HHMMSS.FFFFFF, the stored value's missing
     * digits zero (colons of old ACR-NEMA values dropped), a lower bound's missing digits zero and an upper bound's
     * the latest of what it leaves out ({@code -10} ends at 10:59:59.999999). Empty values do not match.
     */
    private void time(String column, String value) {
        int dash = value.indexOf('-');
        String from = value.substring(0, dash).strip();
        String to = value.substring(dash + 1).strip();
        String normalized = "rpad(split_part(replace(" + column + ", ':', ''), '.', 1), 6, '0') || '.' || "
                + "rpad(split_part(replace(" + column + ", ':', ''), '.', 2), 6, '0')";
        sql.append(" AND ").append(column).append(" <> ''");
        if (!from.isEmpty()) {
            sql.append(" AND ").append(normalized).append(" >= ?");
            parameters.add(timeBound(from, false));
        }
        if (!to.isEmpty()) {
            sql.append(" AND ").append(normalized).append(" <= ?");
            parameters.add(timeBound(to, true));
        }
    }

    /** {@code value} as HHMMSS.FFFFFF, what it leaves out the earliest or, for an upper bound, the latest. */
    private static String timeBound(String value, boolean upper) {
        String digits = value.replace(":", "");
        if (!digits.matches("[0-9]{2}([0-9]{2}([0-9]{2}(\\.[0-9]{1,6})?)?)?")) {
            throw new IllegalArgumentException("not a time: " + value);
        }
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot + 1);
        return whole + (upper ? "5959" : "0000").substring(whole.length() - 2) + "."
                + fraction + (upper ? "999999" : "000000").substring(fraction.length());
    }

    private static LocalDate parse(String value) {
        LocalDate date = IndexEntry.parseDate(value);
        if (date == null) {
            throw new IllegalArgumentException("not a date: " + value);
        }
        return date;
    }

    private void number(String column, String value) {
        sql.append(" AND ").append(column).append(" = ?");
        parameters.add(Integer.valueOf(value));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
