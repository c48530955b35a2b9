package io.hounsfield.archive;

import io.hounsfield.dicom.data.Attributes;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs C-FIND identifiers against the index. */
@Repository
class ArchiveQueries {
    private final JdbcClient jdbc;

    ArchiveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} matches of {@code identifier} at {@code level}, as rows keyed by alias. */
    List<Map<String, Object>> find(QueryLevel level, Attributes identifier, int limit) {
        QueryConditions conditions = QueryConditions.of(level, identifier);
        String sql = level.selectFromWhere() + conditions.sql() + level.tail() + " LIMIT " + limit;
        return jdbc.sql(sql).params(conditions.parameters()).query().listOfRows();
    }
}
