package io.hounsfield.archive.query;

import io.hounsfield.archive.Audience;
import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.ArchiveIndex;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs C-FIND, C-MOVE and C-GET identifiers against the index. */
@Repository
public class ArchiveQueries {
    private final JdbcClient jdbc;

    ArchiveQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An instance to retrieve, with its patient for the audit trail. */
    public record Retrievable(StoredInstance instance, String patient) {
    }

    /**
     * The visible instances that the unique keys of a C-MOVE or C-GET identifier select (PS3.4 §C.4.2.1.4): the
     * level's unique key must be given; UID lists are allowed.
     */
    public List<Retrievable> retrievable(QueryLevel level, Attributes identifier) throws IOException {
        return retrievable(level, identifier, Audience.STAFF);
    }

    /** Like {@link #retrievable(QueryLevel, Attributes)}, of the instances {@code audience} sees. */
    public List<Retrievable> retrievable(QueryLevel level, Attributes identifier, Audience audience)
            throws IOException {
        StringBuilder sql = new StringBuilder("SELECT " + ArchiveIndex.INSTANCE_COLUMNS
                + ", st.patient_id, st.issuer_of_patient_id FROM " + ArchiveIndex.INSTANCE_JOIN
                + " WHERE " + audience.condition());
        List<Object> parameters = new ArrayList<>();
        int uniqueKey = switch (level) {
            case PATIENT -> Tags.PatientID;
            case STUDY -> Tags.StudyInstanceUID;
            case SERIES -> Tags.SeriesInstanceUID;
            case IMAGE -> Tags.SOPInstanceUID;
        };
        if (blank(identifier.getStrings(uniqueKey))) {
            throw new IOException("the unique key of level " + level + " is missing");
        }
        restrict(sql, parameters, "st.patient_id", identifier.getStrings(Tags.PatientID));
        restrict(sql, parameters, "st.study_instance_uid", identifier.getStrings(Tags.StudyInstanceUID));
        restrict(sql, parameters, "se.series_instance_uid", identifier.getStrings(Tags.SeriesInstanceUID));
        restrict(sql, parameters, "i.sop_instance_uid", identifier.getStrings(Tags.SOPInstanceUID));
        sql.append(" ORDER BY st.id, se.series_number NULLS LAST, se.id, i.instance_number NULLS LAST, i.id");
        return jdbc.sql(sql.toString()).params(parameters).query((row, number) -> new Retrievable(
                ArchiveIndex.INSTANCE.mapRow(row, number),
                ArchiveAudit.patient(row.getString("patient_id"), row.getString("issuer_of_patient_id")))).list();
    }

    private static boolean blank(String[] values) {
        return values == null || values.length == 0 || String.join("", values).isBlank();
    }

    private static void restrict(StringBuilder sql, List<Object> parameters, String column, String[] values) {
        if (blank(values)) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (")
                .append(String.join(", ", Collections.nCopies(values.length, "?"))).append(')');
        for (String value : values) {
            parameters.add(value.strip());
        }
    }

    /** At most {@code limit} matches of {@code identifier} at {@code level}, as rows keyed by alias. */
    public List<Map<String, Object>> find(QueryLevel level, Attributes identifier, int limit) {
        return find(level, identifier, limit, 0);
    }

    /** Like {@link #find(QueryLevel, Attributes, int)}, skipping the first {@code offset} matches. */
    public List<Map<String, Object>> find(QueryLevel level, Attributes identifier, int limit, int offset) {
        return find(level, identifier, limit, offset, Audience.STAFF);
    }

    /** Like {@link #find(QueryLevel, Attributes, int, int)}, among the instances {@code audience} sees. */
    public List<Map<String, Object>> find(QueryLevel level, Attributes identifier, int limit, int offset,
            Audience audience) {
        QueryConditions conditions = QueryConditions.of(level, identifier);
        String sql = audience.selectFromWhere(level) + conditions.sql() + level.tail() + " LIMIT " + limit
                + (offset > 0 ? " OFFSET " + offset : "");
        return jdbc.sql(sql).params(conditions.parameters()).query().listOfRows();
    }
}
