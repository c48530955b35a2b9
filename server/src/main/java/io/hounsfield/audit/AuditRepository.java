package io.hounsfield.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Actor actor, AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_event (actor, actor_role, action, object_type, object_id, patient_id,
                                         source_address, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.name(), actor.role(), entry.action(), entry.objectType(), entry.objectId(),
                        entry.patientId(), actor.sourceAddress(), entry.outcome().name(), truncate(entry.detail()))
                .update();
    }

    List<AuditEvent> search(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        return jdbc.sql("SELECT * FROM audit_event" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query(this::event)
                .list();
    }

    /** How many events match, whatever the limit and offset. */
    long count(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        return jdbc.sql("SELECT count(*) FROM audit_event" + where).params(params).query(Long.class).single();
    }

    /** The id of the newest event, 0 when there is none. */
    long newestId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_event").query(Long.class).single();
    }

    private static String where(AuditQuery query, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("lower(actor) = lower(:actor)");
            params.put("actor", query.actor());
        }
        if (query.patientId() != null) {
            conditions.add("patient_id = :patientId");
            params.put("patientId", query.patientId());
        }
        if (query.action() != null) {
            conditions.add("action = upper(:action)");
            // Typed in words as the page shows it ("exam started") or as the code (EXAM_STARTED).
            params.put("action", query.action().strip().replaceAll("\\s+", "_"));
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.upToId() != null) {
            conditions.add("id <= :upToId");
            params.put("upToId", query.upToId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private AuditEvent event(ResultSet row, int number) throws SQLException {
        return new AuditEvent(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor"),
                row.getString("actor_role"),
                row.getString("action"),
                row.getString("object_type"),
                row.getString("object_id"),
                row.getString("patient_id"),
                row.getString("source_address"),
                AuditOutcome.valueOf(row.getString("outcome")),
                row.getString("detail"));
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
