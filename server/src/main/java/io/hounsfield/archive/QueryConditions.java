package io.hounsfield.archive;

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
