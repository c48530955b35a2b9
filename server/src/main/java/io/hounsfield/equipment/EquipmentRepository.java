package io.hounsfield.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Equipment records, their status history, aliases and room cleanings. */
@Repository
class EquipmentRepository {

    private static final String SELECT = """
            SELECT e.*, (SELECT string_agg(p.ae_title, ',' ORDER BY p.ae_title) FROM dicom_peer p
                         WHERE p.equipment_id = e.id) AS ae_titles
            FROM equipment e""";

    private static final RowMapper<Equipment> EQUIPMENT = EquipmentRepository::equipment;

    private final JdbcClient jdbc;

    EquipmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Equipment> all() {
        return jdbc.sql(SELECT + " ORDER BY e.room, e.name").query(EQUIPMENT).list();
    }

    Optional<Equipment> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(EQUIPMENT).optional();
    }

    Optional<Equipment> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE e.name = ?").param(name).query(EQUIPMENT).optional();
    }

    Optional<Equipment> findByAeTitle(String aeTitle) {
        return jdbc.sql(SELECT + " WHERE e.id = (SELECT equipment_id FROM dicom_peer WHERE ae_title = ?)")
                .param(aeTitle.strip()).query(EQUIPMENT).optional();
    }

    Optional<Equipment> findByAlias(AliasKind kind, String value) {
        return jdbc.sql(SELECT + " WHERE e.id = (SELECT equipment_id FROM equipment_alias WHERE kind = ? AND value = ?)")
                .params(kind.name(), value.strip()).query(EQUIPMENT).optional();
    }

    long insert(EquipmentDetails details, Instant now) {
        return jdbc.sql("""
                INSERT INTO equipment (name, room, modality, manufacturer, model, serial_number, software_version,
                    service_contacts, status_since, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(details.name(), details.room(), details.modality(), details.manufacturer(), details.model(),
                        details.serialNumber(), details.softwareVersion(), details.serviceContacts(),
                        Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    void update(long id, EquipmentDetails details) {
        jdbc.sql("""
                UPDATE equipment SET name = ?, room = ?, modality = ?, manufacturer = ?, model = ?, serial_number = ?,
                    software_version = ?, service_contacts = ? WHERE id = ?""")
                .params(details.name(), details.room(), details.modality(), details.manufacturer(), details.model(),
                        details.serialNumber(), details.softwareVersion(), details.serviceContacts(), id)
                .update();
    }

    /** Makes the DICOM peer with this AE title one of the unit's; false when there is no such peer. */
    boolean linkPeer(String aeTitle, long id) {
        return jdbc.sql("UPDATE dicom_peer SET equipment_id = ? WHERE ae_title = ?").params(id, aeTitle.strip())
                .update() == 1;
    }

    void setQcFailureRule(long id, boolean on) {
        jdbc.sql("UPDATE equipment SET qc_failure_rule = ? WHERE id = ?").params(on, id).update();
    }

    /** Locks the unit's row until the transaction ends, so that two decisions about it do not interleave. */
    Optional<Equipment> lock(long id) {
        jdbc.sql("SELECT id FROM equipment WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        return find(id);
    }

    void setStatus(long id, EquipmentStatus from, EquipmentStatus to, String reason, String actor, Instant at) {
        jdbc.sql("UPDATE equipment SET status = ?, status_since = ?, status_reason = ? WHERE id = ?")
                .params(to.name(), Timestamp.from(at), reason, id).update();
        jdbc.sql("""
                INSERT INTO equipment_status_change (equipment_id, from_status, to_status, reason, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, from == null ? null : from.name(), to.name(), reason, actor, Timestamp.from(at)).update();
    }

    /** The unit's status changes, oldest first. */
    List<StatusChange> history(long id) {
        return jdbc.sql("SELECT * FROM equipment_status_change WHERE equipment_id = ? ORDER BY changed_at, id")
                .param(id).query((row, number) -> new StatusChange(row.getLong("equipment_id"),
                        row.getString("from_status") == null ? null
                                : EquipmentStatus.valueOf(row.getString("from_status")),
                        EquipmentStatus.valueOf(row.getString("to_status")), row.getString("reason"),
                        row.getString("changed_by"), row.getTimestamp("changed_at").toInstant()))
                .list();
    }

    List<Alias> aliases(long id) {
        return jdbc.sql("SELECT * FROM equipment_alias WHERE equipment_id = ? ORDER BY kind, added_at").param(id)
                .query((row, number) -> new Alias(row.getLong("equipment_id"), AliasKind.valueOf(row.getString("kind")),
                        row.getString("value"), row.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** Adds the alias unless it is known already (for this unit or, then unchanged, for another). */
    boolean addAlias(long id, AliasKind kind, String value, Instant at) {
        return jdbc.sql("""
                INSERT INTO equipment_alias (equipment_id, kind, value, added_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, value) DO NOTHING""")
                .params(id, kind.name(), value.strip(), Timestamp.from(at)).update() == 1;
    }

    void cleaned(String room, String actor, Instant at) {
        jdbc.sql("INSERT INTO room_cleaning (room, cleaned_by, cleaned_at) VALUES (?, ?, ?)")
                .params(room, actor, Timestamp.from(at)).update();
    }

    /** The last cleaning of each room up to {@code now}. */
    Map<String, Instant> lastCleaned(Instant now) {
        return perRoom(jdbc.sql("SELECT room, max(cleaned_at) AS at FROM room_cleaning WHERE cleaned_at <= ? GROUP BY room")
                .param(Timestamp.from(now)));
    }

    /**
     * When an exam last finished (images acquired, or discontinued) in each equipment room. Reads the exam
     * tables directly, as the board does, since the exam feature already depends on this one.
     */
    Map<String, Instant> lastFinished(Instant since, Instant now) {
        return perRoom(jdbc.sql("""
                SELECT e.room, max(t.at) AS at FROM exam_transition t
                JOIN exam x ON x.id = t.exam_id
                JOIN dicom_peer p ON p.ae_title = x.station_ae_title
                JOIN equipment e ON e.id = p.equipment_id
                WHERE t.to_state IN ('ACQUIRED', 'DISCONTINUED') AND t.from_state <> t.to_state
                  AND t.at >= ? AND t.at <= ?
                GROUP BY e.room""").params(Timestamp.from(since), Timestamp.from(now)));
    }

    private static Map<String, Instant> perRoom(JdbcClient.StatementSpec statement) {
        Map<String, Instant> result = new HashMap<>();
        statement.query((ResultSet row) -> {
            result.put(row.getString("room"), row.getTimestamp("at").toInstant());
        });
        return result;
    }

    private static Equipment equipment(ResultSet row, int number) throws SQLException {
        String aeTitles = row.getString("ae_titles");
        return new Equipment(row.getLong("id"), row.getString("name"), row.getString("room"), row.getString("modality"),
                row.getString("manufacturer"), row.getString("model"), row.getString("serial_number"),
                row.getString("software_version"), row.getString("service_contacts"),
                EquipmentStatus.valueOf(row.getString("status")), row.getTimestamp("status_since").toInstant(),
                row.getString("status_reason"), row.getBoolean("qc_failure_rule"),
                aeTitles == null ? List.of() : Arrays.asList(aeTitles.split(",")));
    }
}
