package io.hounsfield.order;

import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.NewExam;
import io.hounsfield.patient.PatientsMerged;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places and cancels orders; each order becomes one scheduled exam. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final ExamService exams;
    private final ProcedureCatalog catalog;

    OrderService(OrderRepository orders, ExamService exams, ProcedureCatalog catalog) {
        this.orders = orders;
        this.exams = exams;
        this.catalog = catalog;
    }

    /** Records the order and schedules its exam; a placer order number already known is refused. */
    @Transactional
    public Exam place(NewOrder order, Actor actor) {
        if (orders.findByPlacer(order.placerApplication(), order.placerOrderNumber()).isPresent()) {
            throw new HounsfieldException(Failure.DUPLICATE, "Order " + order.placerOrderNumber() + " from "
                    + order.placerApplication() + " exists already.");
        }
        catalog.get(order.procedureCode());
        long orderId = orders.insert(order);
        return exams.schedule(new NewExam(orderId, order.patientId(), order.procedureCode(), order.laterality(),
                order.priority(), order.stationAeTitle(), order.scheduledStart(), order.accessionNumber(),
                order.studyInstanceUid(), order.requestedProcedureId(), order.scheduledStepId()), actor);
    }

    /** Cancels the order and its exams that have not started; an exam under way cannot be cancelled. */
    @Transactional
    public ImagingOrder cancel(String placerApplication, String placerOrderNumber, String reason, Actor actor) {
        ImagingOrder order = find(placerApplication, placerOrderNumber).orElseThrow(() -> new HounsfieldException(
                Failure.NOT_FOUND, "No order " + placerOrderNumber + " from " + placerApplication + "."));
        for (Exam exam : exams.forOrder(order.id())) {
            if (exam.state() != ExamState.CANCELLED) {
                exams.transition(exam.id(), ExamState.CANCELLED, actor, reason);
            }
        }
        orders.updateStatus(order.id(), OrderStatus.CANCELLED);
        return orders.find(order.id()).orElseThrow();
    }

    /**
     * The ordering side changed the order's procedure or side (HL7 ORC-1 XO): its exams that have not started take
     * the change, which may lift a hold placed for a mismatch (see {@link ExamService#correctOrder}).
     */
    @Transactional
    public ImagingOrder correct(String placerApplication, String placerOrderNumber, String procedureCode,
            Laterality laterality, Actor actor) {
        ImagingOrder order = find(placerApplication, placerOrderNumber).orElseThrow(() -> new HounsfieldException(
                Failure.NOT_FOUND, "No order " + placerOrderNumber + " from " + placerApplication + "."));
        catalog.get(procedureCode);
        orders.updateProcedure(order.id(), procedureCode, laterality);
        for (Exam exam : exams.forOrder(order.id())) {
            if (!exam.state().isFinal()) {
                exams.correctOrder(exam.id(), procedureCode, laterality, actor);
            }
        }
        return orders.find(order.id()).orElseThrow();
    }

    /** The orders of {@code ids} by id, read together. */
    public Map<Long, ImagingOrder> getAll(Collection<Long> ids) {
        return orders.findAll(ids).stream().collect(Collectors.toMap(ImagingOrder::id, order -> order));
    }

    public ImagingOrder get(long id) {
        return orders.find(id).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND, "No order " + id + "."));
    }

    public Optional<ImagingOrder> find(String placerApplication, String placerOrderNumber) {
        return orders.findByPlacer(placerApplication, placerOrderNumber);
    }

    public List<Exam> exams(ImagingOrder order) {
        return exams.forOrder(order.id());
    }

    @EventListener
    void patientsMerged(PatientsMerged merge) {
        orders.movePatient(merge.mergedId(), merge.survivorId());
    }
}
