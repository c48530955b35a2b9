package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v251.message.ORM_O01;
import ca.uhn.hl7v2.model.v251.segment.MSH;
import ca.uhn.hl7v2.model.v251.segment.OBR;
import ca.uhn.hl7v2.model.v251.segment.ORC;
import ca.uhn.hl7v2.model.v251.segment.PID;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamHoldChanged;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamStateChanged;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.HounsfieldProperties;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the ordering system when an ordered exam starts, completes, is cancelled or discontinued, or is held
 * after a mismatch (HD) and released again (SC):
 * an ORM^O01 with ORC-1 SC and the order status in ORC-5 (HL7 table 0038), queued in the outbox in
 * the transaction of the change.
 */
@Component
class ExamStatusReporter {

    /** Exam states the ordering system hears about, with their ORC-5 order status. */
    private static final Map<ExamState, String> ORDER_STATUS = Map.of(
            ExamState.IN_PROGRESS, "IP",
            ExamState.ACQUIRED, "CM",
            ExamState.CANCELLED, "CA",
            ExamState.DISCONTINUED, "DC");

    private final HounsfieldProperties.Outbound settings;
    private final Outbox outbox;
    private final ExamService exams;
    private final OrderService orders;
    private final PatientService patients;

    private final HapiContext hapi;

    ExamStatusReporter(HounsfieldProperties properties, Outbox outbox, ExamService exams, OrderService orders,
            PatientService patients, Hl7Context context) {
        this.settings = properties.hl7().outbound();
        this.hapi = context.hapi();
        this.outbox = outbox;
        this.exams = exams;
        this.orders = orders;
        this.patients = patients;
    }

    @EventListener
    void examStateChanged(ExamStateChanged change) throws HL7Exception, IOException {
        report(change.examId(), ORDER_STATUS.get(change.to()));
    }

    /** A mismatch holds the exam until the order is corrected: the ordering side hears HD, then SC once lifted. */
    @EventListener
    void examHoldChanged(ExamHoldChanged change) throws HL7Exception, IOException {
        report(change.examId(), change.held() ? "HD" : "SC");
    }

    private void report(long examId, String status) throws HL7Exception, IOException {
        if (status == null || !settings.enabled()) {
            return;
        }
        Exam exam = exams.get(examId);
        if (exam.orderId() == null) {
            return;
        }
        ImagingOrder order = orders.get(exam.orderId());
        outbox.enqueue("ORM^O01", statusMessage(exam, order, patients.get(exam.patientId()), status).encode());
    }

    private ORM_O01 statusMessage(Exam exam, ImagingOrder order, Patient patient, String status)
            throws HL7Exception, IOException {
        ORM_O01 message = new ORM_O01(hapi.getModelClassFactory());
        message.setParser(hapi.getPipeParser());
        message.initQuickstart("ORM", "O01", "P");
        MSH header = message.getMSH();
        header.getSendingApplication().getNamespaceID().setValue("HOUNSFIELD");
        header.getReceivingApplication().getNamespaceID().setValue(settings.receivingApplication());
        header.getCharacterSet(0).setValue("UNICODE UTF-8"); // names as they are, not as US-ASCII '?'

        PID pid = message.getPATIENT().getPID();
        pid.getPatientIdentifierList(0).getIDNumber().setValue(patient.identifier().value());
        pid.getPatientIdentifierList(0).getAssigningAuthority().getNamespaceID().setValue(patient.identifier().issuer());
        pid.getPatientName(0).getFamilyName().getSurname().setValue(patient.demographics().familyName());
        pid.getPatientName(0).getGivenName().setValue(patient.demographics().givenName());

        ORC orc = message.getORDER().getORC();
        orc.getOrderControl().setValue("SC");
        orc.getPlacerOrderNumber().getEntityIdentifier().setValue(order.placerOrderNumber());
        orc.getPlacerOrderNumber().getNamespaceID().setValue(order.placerApplication());
        orc.getFillerOrderNumber().getEntityIdentifier().setValue(exam.accessionNumber());
        orc.getFillerOrderNumber().getNamespaceID().setValue("HOUNSFIELD");
        orc.getOrderStatus().setValue(status);

        OBR obr = message.getORDER().getORDER_DETAIL().getOBR();
        obr.getPlacerOrderNumber().getEntityIdentifier().setValue(order.placerOrderNumber());
        obr.getFillerOrderNumber().getEntityIdentifier().setValue(exam.accessionNumber());
        obr.getUniversalServiceIdentifier().getIdentifier().setValue(exam.procedureCode());
        return message;
    }
}
