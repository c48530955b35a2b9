package io.hounsfield.hl7;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Orders: ORM^O01 (v2.3.1) and OMI^O23 (v2.5.1, IHE RAD-2/RAD-4). ORC-1 NW places the order (the
 * patient in PID is registered or refreshed first); XO changes its procedure or side (which may lift a hold
 * placed for a mismatch); CA, DC and OC cancel it; SC is acknowledged.
 * Where versions put a datum in different fields, the v2.5.1 field is read first.
 */
@Component
class OrderHandler implements MessageHandler {

    private final PatientService patients;
    private final OrderService orders;

    OrderHandler(PatientService patients, OrderService orders) {
        this.patients = patients;
        this.orders = orders;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("ORM^O01", "OMI^O23");
    }

    @Override
    public void handle(Terser message, Actor sender) throws HL7Exception {
        String control = message.get("/.ORC-1");
        String placerApplication = Hl7Fields.first(message, "/.ORC-2-2", "/.OBR-2-2", "/MSH-3-1");
        String placerNumber = Hl7Fields.first(message, "/.ORC-2-1", "/.OBR-2-1");
        if (placerNumber == null) {
            throw new HL7Exception("ORC-2 (placer order number) is required", ErrorCode.REQUIRED_FIELD_MISSING);
        }
        switch (control == null ? "" : control) {
            case "NW" -> place(message, sender, placerApplication, placerNumber);
            case "XO" -> correct(message, sender, placerApplication, placerNumber);
            case "CA", "DC", "OC" -> orders.cancel(placerApplication, placerNumber,
                    Hl7Fields.first(message, "/.ORC-16-2", "/.ORC-16-1"), sender);
            case "SC" -> { }
            default -> throw new HL7Exception("ORC-1 order control '" + control + "' is not supported",
                    ErrorCode.TABLE_VALUE_NOT_FOUND);
        }
    }

    /** XO: the placer changed the order; OBR-4 and OBR-46 carry the procedure and side it now wants. */
    private void correct(Terser message, Actor sender, String placerApplication, String placerNumber)
            throws HL7Exception {
        String procedureCode = Hl7Fields.first(message, "/.OBR-4-1");
        if (procedureCode == null) {
            throw new HL7Exception("OBR-4 (universal service identifier) is required", ErrorCode.REQUIRED_FIELD_MISSING);
        }
        orders.correct(placerApplication, placerNumber, procedureCode,
                Laterality.parse(Hl7Fields.first(message, "/.OBR-46-1")), sender);
    }

    private void place(Terser message, Actor sender, String placerApplication, String placerNumber) throws HL7Exception {
        String procedureCode = Hl7Fields.first(message, "/.OBR-4-1");
        if (procedureCode == null) {
            throw new HL7Exception("OBR-4 (universal service identifier) is required", ErrorCode.REQUIRED_FIELD_MISSING);
        }
        Patient patient = patients.register(Hl7Fields.patientIdentifier(message, "PID-3"),
                Hl7Fields.demographics(message), sender);
        String providerFamily = Hl7Fields.first(message, "/.OBR-16-2", "/.ORC-12-2");
        String providerGiven = Hl7Fields.first(message, "/.OBR-16-3", "/.ORC-12-3");
        String orderingProvider = providerFamily == null || providerGiven == null
                ? providerFamily : providerFamily + ", " + providerGiven;
        orders.place(new NewOrder(
                placerApplication,
                placerNumber,
                patient.id(),
                procedureCode,
                Laterality.parse(Hl7Fields.first(message, "/.OBR-46-1")),
                Priority.fromHl7(Hl7Fields.first(message, "/.TQ1-9-1", "/.ORC-7-6", "/.OBR-27-6")),
                Hl7Fields.first(message, "/.OBR-31-2", "/.OBR-31-1"),
                orderingProvider,
                Hl7Fields.first(message, "/.IPC-9-1"),
                Hl7Fields.dateTime(Hl7Fields.first(message, "/.TQ1-7-1", "/.ORC-7-4", "/.OBR-27-4", "/.OBR-36-1"),
                        "TQ1-7"),
                Hl7Fields.first(message, "/.IPC-1-1"),
                Hl7Fields.first(message, "/.IPC-3-1")), sender);
    }
}
