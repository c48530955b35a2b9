package io.hounsfield.worklist;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.DicomDateTime;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.patient.Demographics;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Writes a worklist entry as the full set of Modality Worklist return keys (PS3.4 Table K.6-1, IHE SWF
 * RAD-5; DOMAIN.md WF-5), in UTF-8. {@link KeyProjection} then keeps the ones asked for.
 */
final class WorklistRecord {

    private static final String CODING_SCHEME = "99HOUNSFIELD";

    private WorklistRecord() {}

    static Attributes of(WorklistEntry entry, ZoneId zone) {
        Attributes record = new Attributes();
        record.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        patient(entry, record);
        request(entry, record);
        step(entry, record.newSequence(Tags.ScheduledProcedureStepSequence).addItem(), zone);
        return record;
    }

    private static void patient(WorklistEntry entry, Attributes record) {
        Demographics person = entry.patient().demographics();
        record.setString(Tags.PatientName, VR.PN, person.dicomName());
        record.setString(Tags.PatientID, VR.LO, entry.patient().identifier().value());
        record.setString(Tags.IssuerOfPatientID, VR.LO, entry.patient().identifier().issuer());
        if (person.birthDate() != null) {
            record.setString(Tags.PatientBirthDate, VR.DA, DicomDateTime.formatDate(person.birthDate()));
        }
        record.setString(Tags.PatientSex, VR.CS, person.sex().name());
        if (person.weightKg() != null) {
            record.setString(Tags.PatientWeight, VR.DS, person.weightKg().toPlainString());
        }
        if (person.allergies() != null) {
            record.setString(Tags.Allergies, VR.LO, person.allergies());
        }
        if (entry.patient().temporary()) {
            record.setString(Tags.MedicalAlerts, VR.LO, "Identity pending (temporary registration)");
        }
        record.setInts(Tags.PregnancyStatus, VR.US, person.pregnancyStatus().dicomCode());
    }

    private static void request(WorklistEntry entry, Attributes record) {
        record.setString(Tags.AccessionNumber, VR.SH, entry.exam().accessionNumber());
        record.setString(Tags.StudyInstanceUID, VR.UI, entry.exam().studyInstanceUid());
        record.setString(Tags.RequestedProcedureID, VR.SH, entry.exam().requestedProcedureId() != null
                ? entry.exam().requestedProcedureId() : entry.exam().accessionNumber());
        record.setString(Tags.RequestedProcedureDescription, VR.LO, entry.procedure().name());
        Attributes code = record.newSequence(Tags.RequestedProcedureCodeSequence).addItem();
        code.setString(Tags.CodeValue, VR.SH, entry.procedure().code());
        code.setString(Tags.CodingSchemeDesignator, VR.SH, CODING_SCHEME);
        code.setString(Tags.CodeMeaning, VR.LO, entry.procedure().name());
        record.setString(Tags.RequestedProcedurePriority, VR.CS, switch (entry.exam().priority()) {
            case STAT -> "STAT";
            case URGENT -> "HIGH";
            case ROUTINE -> "ROUTINE";
        });
        if (entry.order() != null) {
            if (entry.order().reason() != null) {
                record.setString(Tags.ReasonForTheRequestedProcedure, VR.LO, entry.order().reason());
            }
            if (entry.order().orderingProvider() != null) {
                String physician = entry.order().orderingProvider().replace(", ", "^");
                record.setString(Tags.ReferringPhysicianName, VR.PN, physician);
                record.setString(Tags.RequestingPhysician, VR.PN, physician);
            }
        }
    }

    private static void step(WorklistEntry entry, Attributes step, ZoneId zone) {
        ZonedDateTime start = entry.exam().scheduledStart().atZone(zone);
        // A step booked on no room has an empty (zero-length) Scheduled Station AE Title, never a made-up one.
        step.setString(Tags.ScheduledStationAETitle, VR.AE, orEmpty(entry.exam().stationAeTitle()));
        step.setString(Tags.ScheduledProcedureStepStartDate, VR.DA, DicomDateTime.formatDate(start.toLocalDate()));
        step.setString(Tags.ScheduledProcedureStepStartTime, VR.TM, DicomDateTime.formatTime(start.toLocalTime()));
        step.setString(Tags.Modality, VR.CS, entry.modality());
        step.setString(Tags.ScheduledProcedureStepDescription, VR.LO, description(entry));
        step.setString(Tags.ScheduledProcedureStepID, VR.SH, entry.exam().scheduledStepId() != null
                ? entry.exam().scheduledStepId() : "SPS" + entry.exam().id());
        step.setString(Tags.ScheduledProcedureStepStatus, VR.CS, switch (entry.exam().state()) {
            case ARRIVED -> "ARRIVED";
            case VERIFIED -> "READY";
            case IN_PROGRESS -> "STARTED";
            default -> "SCHEDULED";
        });
        if (entry.procedure().protocolReference() != null) {
            Attributes protocol = step.newSequence(Tags.ScheduledProtocolCodeSequence).addItem();
            protocol.setString(Tags.CodeValue, VR.SH, entry.procedure().protocolReference());
            protocol.setString(Tags.CodingSchemeDesignator, VR.SH, CODING_SCHEME);
            protocol.setString(Tags.CodeMeaning, VR.LO, entry.procedure().name());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The side is part of what to do: "XR knee, 3 views — LEFT". */
    private static String description(WorklistEntry entry) {
        var laterality = entry.exam().laterality();
        if (laterality == null) {
            return entry.procedure().name();
        }
        return entry.procedure().name() + " — " + switch (laterality) {
            case L -> "LEFT";
            case R -> "RIGHT";
            case B -> "BOTH SIDES";
        };
    }
}
