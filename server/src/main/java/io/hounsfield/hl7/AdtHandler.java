package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.audit.Actor;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * ADT: A01 admit and A04 register create or refresh the patient, A08 updates them (creating an
 * unknown one, as ADT systems expect), A40 merges the patient in MRG-1 into the one in PID-3. Identifiers without
 * an assigning authority take the sender's default one, if configured ({@link DefaultAuthorities}).
 */
@Component
class AdtHandler implements MessageHandler {

    private final PatientService patients;
    private final DefaultAuthorities authorities;

    AdtHandler(PatientService patients, DefaultAuthorities authorities) {
        this.patients = patients;
        this.authorities = authorities;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("ADT^A01", "ADT^A04", "ADT^A08", "ADT^A40");
    }

    @Override
    public void handle(Terser message, Actor sender) throws HL7Exception {
        String defaultAuthority = authorities.forSender(message);
        PatientIdentifier identifier = Hl7Fields.patientIdentifier(message, "PID-3", defaultAuthority);
        if ("A40".equals(message.get("/MSH-9-2"))) {
            patients.merge(identifier, Hl7Fields.patientIdentifier(message, "MRG-1", defaultAuthority), sender);
        } else {
            patients.register(identifier, Hl7Fields.demographics(message), sender);
        }
    }
}
