package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.Failure;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Orders: ORM^O01 (v2.3.1) and OMI^O23 (v2.5.1, IHE RAD-2/RAD-4). ORC-1 NW places the order (the
 * patient in PID is registered or refreshed first); XO changes its procedure or side (which may lift a hold
 * placed for a mismatch); CA, DC and OC cancel it; SC is acknowledged.
 * Where versions put a datum in different fields, the v2.5.1 field is read first. An external order filler's ids
 * are kept: accession number IPC-1, Requested Procedure ID IPC-2, Study Instance UID IPC-3 (else ZDS-1, the Z-segment
 * many RIS send), Scheduled Procedure Step ID IPC-4, Scheduled Station AE Title IPC-9.
 */
@Component
class OrderHandler implements MessageHandler {

    private final PatientService patients;
    private final OrderService orders;
    private final OrderedProcedure procedures;
    private final DefaultAuthorities authorities;
    private final DefaultStations stations;
    private final ProcedureCatalog catalog;

    OrderHandler(PatientService patients, OrderService orders, OrderedProcedure procedures,
            DefaultAuthorities authorities, DefaultStations stations, ProcedureCatalog catalog) {
        this.patients = patients;
        this.orders = orders;
        this.procedures = procedures;
        this.authorities = authorities;
        this.stations = stations;
        this.catalog = catalog;
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
            throw new Hl7Refusal(Failure.MISSING_VALUE, "ORC-2 (placer order number) is required");
        }
        switch (control == null ? "" : control) {
            case "NW" -> place(message, sender, placerApplication, placerNumber);
            case "XO" -> correct(message, sender, placerApplication, placerNumber);
            case "CA", "DC", "OC" -> orders.cancel(placerApplication, placerNumber,
                    Hl7Fields.first(message, "/.ORC-16-2", "/.ORC-16-1"), sender);
            case "SC" -> { }
            default -> throw new Hl7Refusal(Failure.INVALID_VALUE,
                    "ORC-1 order control '" + control + "' is not supported");
        }
    }

    /**
     * XO: the placer changed the order; OBR-4 and the side (read as for a new order, see {@link OrderedProcedure})
     * carry the procedure and side it now wants.
     */
    private void correct(Terser message, Actor sender, String placerApplication, String placerNumber)
            throws HL7Exception {
        OrderedProcedure.Requested requested = procedures.read(message);
        orders.correct(placerApplication, placerNumber, requested.procedureCode(), requested.laterality(), sender);
    }

    private void place(Terser message, Actor sender, String placerApplication, String placerNumber) throws HL7Exception {
        OrderedProcedure.Requested requested = procedures.read(message);
        Patient patient = patients.register(Hl7Fields.patientIdentifier(message, "PID-3",
                authorities.forSender(message)), Hl7Fields.demographics(message), sender);
        String providerFamily = Hl7Fields.first(message, "/.OBR-16-2", "/.ORC-12-2");
        String providerGiven = Hl7Fields.first(message, "/.OBR-16-3", "/.ORC-12-3");
        String orderingProvider = providerFamily == null || providerGiven == null
                ? providerFamily : providerFamily + ", " + providerGiven;
        orders.place(new NewOrder(
                placerApplication,
                placerNumber,
                patient.id(),
                requested.procedureCode(),
                requested.laterality(),
                Priority.fromHl7(Hl7Fields.first(message, "/.TQ1-9-1", "/.ORC-7-6", "/.OBR-27-6")),
                Hl7Fields.first(message, "/.OBR-31-2", "/.OBR-31-1"),
                orderingProvider,
                station(message, requested.procedureCode()),
                Hl7Fields.dateTime(Hl7Fields.first(message, "/.TQ1-7-1", "/.ORC-7-4", "/.OBR-27-4", "/.OBR-36-1"),
                        "TQ1-7"),
                Hl7Fields.first(message, "/.IPC-1-1"),
                Hl7Fields.first(message, "/.IPC-3-1", "/.ZDS-1-1"),
                dicomShortString(message, "IPC-2"),
                dicomShortString(message, "IPC-4")), sender);
    }

    /** IPC-9 (Scheduled Station AE Title), else the procedure's default station (see {@link DefaultStations}). */
    private String station(Terser message, String procedureCode) {
        String named = Hl7Fields.first(message, "/.IPC-9-1");
        return named != null ? named : stations.forProcedure(catalog.get(procedureCode)).orElse(null);
    }

    /** IPC-2 and IPC-4 become DICOM SH values (at most 16 characters) in the worklist and MPPS. */
    private static String dicomShortString(Terser message, String field) throws HL7Exception {
        String value = Hl7Fields.first(message, "/." + field + "-1");
        if (value != null && value.length() > 16) {
            throw new Hl7Refusal(Failure.INVALID_INPUT,
                    field + " is longer than the 16 characters DICOM allows: '" + value + "'");
        }
        return value;
    }
}
