package io.hounsfield.equipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fault log: malfunctions, the actions taken, service calls and resolutions. */
@Repository
class FaultRepository {

    private final JdbcClient jdbc;

    FaultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long equipmentId, NewFault fault, String actor, Instant at) {
        return jdbc.sql("""
                INSERT INTO equipment_fault (equipment_id, symptom, error_code, severity, notes, reported_by, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(equipmentId, fault.symptom(), fault.errorCode(), fault.severity().name(), fault.notes(), actor,
                        Timestamp.from(at))
                .query(Long.class).single();
    }

    void action(long faultId, String action, String actor, Instant at) {
        jdbc.sql("INSERT INTO equipment_fault_action (fault_id, action, taken_by, taken_at) VALUES (?, ?, ?, ?)")
                .params(faultId, action, actor, Timestamp.from(at)).update();
    }

    void serviceCall(long faultId, String ticket, Instant calledAt) {
        jdbc.sql("UPDATE equipment_fault SET vendor_ticket = ?, service_called_at = ? WHERE id = ?")
                .params(ticket, Timestamp.from(calledAt), faultId).update();
    }

    /** False when it was resolved already. */
    boolean resolve(long faultId, String resolution, String actor, Instant at) {
        return jdbc.sql("""
                UPDATE equipment_fault SET resolved_at = ?, resolved_by = ?, resolution = ?
                WHERE id = ? AND resolved_at IS NULL""")
                .params(Timestamp.from(at), actor, resolution, faultId).update() == 1;
    }

    Optional<Fault> find(long faultId) {
        return jdbc.sql("SELECT * FROM equipment_fault WHERE id = ?").param(faultId).query(this::fault).optional();
    }

    /** The unit's faults, newest first. */
    List<Fault> of(long equipmentId) {
        return jdbc.sql("SELECT * FROM equipment_fault WHERE equipment_id = ? ORDER BY reported_at DESC, id DESC")
                .param(equipmentId).query(this::fault).list();
    }

    List<Fault> open() {
        return jdbc.sql("SELECT * FROM equipment_fault WHERE resolved_at IS NULL ORDER BY reported_at")
                .query(this::fault).list();
    }

    private Fault fault(ResultSet row, int number) throws SQLException {
        long id = row.getLong("id");
        List<Fault.Action> actions = jdbc.sql("SELECT * FROM equipment_fault_action WHERE fault_id = ? ORDER BY taken_at, id")
                .param(id).query((action, n) -> new Fault.Action(action.getString("action"),
                        action.getString("taken_by"), action.getTimestamp("taken_at").toInstant()))
                .list();
        return new Fault(id, row.getLong("equipment_id"), row.getString("symptom"), row.getString("error_code"),
                FaultSeverity.valueOf(row.getString("severity")), row.getString("notes"), row.getString("reported_by"),
                row.getTimestamp("reported_at").toInstant(), row.getString("vendor_ticket"),
                instant(row.getTimestamp("service_called_at")), instant(row.getTimestamp("resolved_at")),
                row.getString("resolved_by"), row.getString("resolution"), actions);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
