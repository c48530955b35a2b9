package io.hounsfield.worklist;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.dicom.data.AnswerCharacterSet;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.FindService;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.scp.DicomServiceProvider;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Modality Worklist SCP (PS3.4 Annex K; IHE RAD-5): one pending response per matching scheduled step,
 * STAT first. An exam under way stays on the worklist of its station until it is completed (IHE SWF: the step
 * is STARTED, the modality may query again after Start); an exam on hold after a mismatch is not offered.
 * Only peers allowed the worklist may ask; each query is audited with what it returned. Equipment out of service
 * gets no entries, and no one is offered an exam booked on it. Nor is an exam whose contrast a radiologist cancelled,
 * or whose premedication wait is not over: the modality would start it past the cockpit's check.
 */
@Component
class ModalityWorklistScp implements FindService, DicomServiceProvider {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 1, 1);

    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final OrderService orders;
    private final DicomPeerRegistry peers;
    private final EquipmentService equipment;
    private final ContrastService contrast;
    private final AuditService audit;
    private final Set<ExamState> offered;
    private final ZoneId zone = ZoneId.systemDefault();

    ModalityWorklistScp(ExamService exams, PatientService patients, ProcedureCatalog catalog, OrderService orders,
            DicomPeerRegistry peers, EquipmentService equipment, ContrastService contrast, AuditService audit,
            @Value("${hounsfield.worklist.require-verification:false}") boolean requireVerification) {
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.orders = orders;
        this.peers = peers;
        this.equipment = equipment;
        this.contrast = contrast;
        this.audit = audit;
        this.offered = requireVerification ? EnumSet.of(ExamState.VERIFIED, ExamState.IN_PROGRESS)
                : EnumSet.of(ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS);
    }

    @Override
    public void register(ServiceRegistry services) {
        services.find(Uids.ModalityWorklistInformationModelFind, this);
    }

    @Override
    public int find(QueryRequest request, Attributes keys, Matches matches) throws IOException {
        String caller = request.association().callingAeTitle().strip();
        Actor actor = new Actor(caller, "DICOM", request.association().remoteAddress().getAddress().getHostAddress());
        if (peers.find(caller).filter(peer -> peer.may(PeerPermission.WORKLIST)).isEmpty()) {
            audit.record(actor, AuditEntry.failure("WORKLIST_QUERIED", "WORKLIST", caller, "not allowed the worklist"));
            return Failure.NOT_AUTHORIZED.dimseStatus();
        }
        Set<String> outOfService = equipment.outages().keySet();
        if (outOfService.contains(caller)) {
            audit.read(() -> {
                audit.record(actor, AuditEntry.success("WORKLIST_QUERIED", "WORKLIST", caller)
                        .withDetail("no entries: the equipment is out of service"));
                return null;
            });
            return Status.SUCCESS;
        }
        WorklistQuery query = WorklistQuery.of(keys);
        LocalDate from = clamp(query.from() == null ? EARLIEST : query.from());
        LocalDate to = clamp(query.to() == null ? LATEST : query.to());
        List<WorklistEntry> entries = entries(query, exams.booked(offered, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), query.stationAeTitle()).stream()
                .filter(exam -> !outOfService.contains(exam.stationAeTitle())).toList());
        List<String> returned = new ArrayList<>();
        List<String> patientsShown = new ArrayList<>();
        for (WorklistEntry entry : entries) {
            if (query.matches(entry)) {
                returned.add(entry.exam().accessionNumber());
                patientsShown.add(entry.patient().identifier().toString());
                if (!matches.add(AnswerCharacterSet.forRequest(keys,
                        KeyProjection.project(keys, WorklistRecord.of(entry, zone))))) {
                    break;
                }
            }
        }
        // A read: its audit row's commit need not wait for the disk (a modality asks every minute or so).
        audit.read(() -> {
            audit.record(actor, AuditEntry.success("WORKLIST_QUERIED", "WORKLIST", caller).forPatients(patientsShown)
                    .withDetail(Count.of(returned.size(), "entry", "entries") + ": " + String.join(" ", returned)));
            return null;
        });
        return Status.SUCCESS;
    }

    /**
     * The entries of the booked exams the query may match and neither a mismatch nor a contrast decision holds,
     * their patients, orders and holds read together rather than an exam at a time.
     */
    private List<WorklistEntry> entries(WorklistQuery query, List<Exam> booked) {
        Map<String, Procedure> procedures = new HashMap<>();
        List<Exam> candidates = booked.stream().filter(exam -> query.mayMatch(exam,
                procedures.computeIfAbsent(exam.procedureCode(), catalog::get))).toList();
        List<Long> ids = candidates.stream().map(Exam::id).toList();
        Set<Long> held = new HashSet<>(exams.heldAmong(ids));
        held.addAll(contrast.heldFromStartAmong(ids));
        List<Exam> open = candidates.stream().filter(exam -> !held.contains(exam.id())).toList();
        Map<Long, Patient> patientsById = patients.getAll(open.stream().map(Exam::patientId).distinct().toList());
        Map<Long, ImagingOrder> ordersById = orders.getAll(open.stream().map(Exam::orderId)
                .filter(Objects::nonNull).distinct().toList());
        return open.stream().map(exam -> new WorklistEntry(exam, patientsById.get(exam.patientId()),
                procedures.get(exam.procedureCode()), exam.orderId() == null ? null : ordersById.get(exam.orderId())))
                .toList();
    }

    /** Open date ranges reach the ends of what the database stores. */
    private static LocalDate clamp(LocalDate day) {
        return day.isBefore(EARLIEST) ? EARLIEST : day.isAfter(LATEST) ? LATEST : day;
    }
}
