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

    /**
     * Writes one event and the patients it showed. Every text is cut to its column, so that an overlong value sent
     * by a peer (a UID, an AE title) cannot make the row itself fail.
     */
    /** This transaction's commit does not wait for its WAL to be flushed (synchronous_commit off, local to it). */
    void commitWithoutWaitingForDisk() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    long insert(Actor actor, AuditEntry entry) {
        long id = jdbc.sql("""
                INSERT INTO audit_event (actor, actor_role, action, object_type, object_id, patient_id,
                                         source_address, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(cut(actor.name() == null ? "unknown" : actor.name(), 64), cut(actor.role(), 20),
                        cut(entry.action(), 40), cut(entry.objectType(), 40), cut(entry.objectId(), 128),
                        cut(entry.patientId(), 128), cut(actor.sourceAddress(), 64), entry.outcome().name(),
                        cut(entry.detail(), MAX_DETAIL))
                .query(Long.class).single();
        List<String> patients = entry.allPatients().stream().map(patient -> cut(patient, 128)).distinct().toList();
        if (!patients.isEmpty()) {
            jdbc.sql("INSERT INTO audit_patient_seen (event_id, patient_id) SELECT ?, unnest(?::varchar[])")
                    .params(id, patients.toArray(String[]::new)).update();
        }
        return id;
    }

    List<AuditEvent> search(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        List<AuditEvent> events = jdbc.sql("SELECT * FROM audit_event" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", query.limit())
                .param("offset", query.offset())
                .query(this::event)
                .list();
        return withPatientsSeen(events);
    }

    private List<AuditEvent> withPatientsSeen(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return events;
        }
        Map<Long, List<String>> seen = new java.util.HashMap<>();
        jdbc.sql("SELECT event_id, patient_id FROM audit_patient_seen WHERE event_id = ANY(?) ORDER BY patient_id")
                .param(events.stream().map(AuditEvent::id).toArray(Long[]::new))
                .query((row, number) -> seen.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(row.getString(2)))
                .list();
        return events.stream().map(event -> new AuditEvent(event.id(), event.occurredAt(), event.actor(),
                event.actorRole(), event.action(), event.objectType(), event.objectId(), event.patientId(),
                event.sourceAddress(), event.outcome(), event.detail(), seen.getOrDefault(event.id(), List.of())))
                .toList();
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
            // By the identifier alone or with its issuer (MRN^^^ISSUER), on the event or among the patients it showed.
            conditions.add("""
                    (patient_id = :patientId OR patient_id LIKE :patientWithIssuer
                     OR EXISTS (SELECT 1 FROM audit_patient_seen p WHERE p.event_id = audit_event.id
                                AND (p.patient_id = :patientId OR p.patient_id LIKE :patientWithIssuer)))""");
            params.put("patientId", query.patientId());
            params.put("patientWithIssuer", query.patientId().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "^^^%");
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
                row.getString("detail"),
                List.of());
    }

    /** Cut to the column, NUL (which PostgreSQL text cannot hold; a crafted UID may carry it) shown as "\\0". */
    private static String cut(String text, int length) {
        if (text == null) {
            return null;
        }
        String storable = text.replace("\0", "\\0");
        return storable.length() <= length ? storable : storable.substring(0, length);
    }
}
