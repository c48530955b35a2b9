package io.hounsfield.order;

import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    private static final RowMapper<ImagingOrder> ORDER = (row, number) -> new ImagingOrder(
            row.getLong("id"), row.getString("placer_application"), row.getString("placer_order_number"),
            row.getLong("patient_id"), row.getString("procedure_code"),
            row.getString("laterality") == null ? null : Laterality.valueOf(row.getString("laterality")),
            Priority.valueOf(row.getString("priority")), row.getString("reason"), row.getString("ordering_provider"),
            OrderStatus.valueOf(row.getString("status")), row.getTimestamp("received_at").toInstant());

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewOrder order) {
        return jdbc.sql("""
                INSERT INTO imaging_order (placer_application, placer_order_number, patient_id, procedure_code,
                                           laterality, priority, reason, ordering_provider, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE') RETURNING id""")
                .params(order.placerApplication(), order.placerOrderNumber(), order.patientId(), order.procedureCode(),
                        order.laterality() == null ? null : order.laterality().name(), order.priority().name(),
                        order.reason(), order.orderingProvider())
                .query(Long.class).single();
    }

    Optional<ImagingOrder> find(long id) {
        return jdbc.sql("SELECT * FROM imaging_order WHERE id = ?").param(id).query(ORDER).optional();
    }

    List<ImagingOrder> findAll(Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql("SELECT * FROM imaging_order WHERE id IN (:ids)").param("ids", ids).query(ORDER).list();
    }

    Optional<ImagingOrder> findByPlacer(String placerApplication, String placerOrderNumber) {
        return jdbc.sql("SELECT * FROM imaging_order WHERE placer_application = ? AND placer_order_number = ?")
                .params(placerApplication, placerOrderNumber).query(ORDER).optional();
    }

    void updateProcedure(long id, String procedureCode, Laterality laterality) {
        jdbc.sql("UPDATE imaging_order SET procedure_code = ?, laterality = ? WHERE id = ?")
                .params(procedureCode, laterality == null ? null : laterality.name(), id).update();
    }

    void updateStatus(long id, OrderStatus status) {
        jdbc.sql("UPDATE imaging_order SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void movePatient(long fromPatientId, long toPatientId) {
        jdbc.sql("UPDATE imaging_order SET patient_id = ? WHERE patient_id = ?").params(toPatientId, fromPatientId).update();
    }
}
