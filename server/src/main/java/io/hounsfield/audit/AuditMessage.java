package io.hounsfield.audit;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One audit event as a DICOM audit message (PS3.15 Annex A.5.1, the schema of A.5.1.1): its event (EventID from CID
 * 400, with Hounsfield's own action as EventTypeCode), the person or peer who acted and Hounsfield itself as active
 * participants, the audit source, and one participant object per patient seen (RFC 3881 patient number) plus the
 * object acted on.
 */
final class AuditMessage {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AuditMessage() {
    }

    /** A coded value: csd-code, codeSystemName, originalText (PS3.15 §A.5.1.1). */
    record Code(String code, String system, String meaning) {
    }

    static String xml(Actor actor, AuditEntry entry, Instant at, String sourceId) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("AuditMessage");
            event(xml, entry, at);
            participant(xml, actor.name() == null ? "unknown" : actor.name(), true, actor.sourceAddress(),
                    actor.role() == null ? null : new Code(actor.role(), "HOUNSFIELD", actor.role()));
            participant(xml, sourceId, false, null, new Code("110150", "DCM", "Application"));
            xml.writeStartElement("AuditSourceIdentification");
            attribute(xml, "AuditSourceID", sourceId);
            code(xml, "AuditSourceTypeCode", new Code("4", "DCM", "Application Server"));
            xml.writeEndElement();
            for (String patient : entry.allPatients()) {
                object(xml, patient, "1", "1", new Code("2", "RFC-3881", "Patient Number"));
            }
            if (entry.objectId() != null && !entry.objectId().isBlank()) {
                object(xml, entry.objectId(), "2", objectRole(entry), objectIdType(entry));
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("audit message not written", e);
        }
    }

    private static void event(XMLStreamWriter xml, AuditEntry entry, Instant at) throws XMLStreamException {
        Code eventId = eventId(entry);
        xml.writeStartElement("EventIdentification");
        attribute(xml, "EventActionCode", actionCode(entry, eventId));
        attribute(xml, "EventDateTime", DateTimeFormatter.ISO_INSTANT.format(at));
        attribute(xml, "EventOutcomeIndicator", entry.outcome() == AuditOutcome.SUCCESS ? "0" : "4");
        code(xml, "EventID", eventId);
        code(xml, "EventTypeCode", new Code(entry.action(), "HOUNSFIELD", AuditEvent.inWords(entry.action())));
        if (entry.detail() != null && !entry.detail().isBlank()) {
            xml.writeStartElement("EventOutcomeDescription");
            xml.writeCharacters(legal(entry.detail()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void participant(XMLStreamWriter xml, String userId, boolean requestor, String address, Code role)
            throws XMLStreamException {
        xml.writeStartElement("ActiveParticipant");
        attribute(xml, "UserID", userId);
        attribute(xml, "UserIsRequestor", String.valueOf(requestor));
        if (address != null && !address.isBlank()) {
            attribute(xml, "NetworkAccessPointID", address);
            attribute(xml, "NetworkAccessPointTypeCode", "2");
        }
        if (role != null) {
            code(xml, "RoleIDCode", role);
        }
        xml.writeEndElement();
    }

    private static void object(XMLStreamWriter xml, String id, String type, String role, Code idType)
            throws XMLStreamException {
        xml.writeStartElement("ParticipantObjectIdentification");
        attribute(xml, "ParticipantObjectID", id);
        attribute(xml, "ParticipantObjectTypeCode", type);
        attribute(xml, "ParticipantObjectTypeCodeRole", role);
        code(xml, "ParticipantObjectIDTypeCode", idType);
        xml.writeEndElement();
    }

    private static void code(XMLStreamWriter xml, String element, Code code) throws XMLStreamException {
        xml.writeEmptyElement(element);
        attribute(xml, "csd-code", code.code());
        attribute(xml, "codeSystemName", code.system());
        attribute(xml, "originalText", code.meaning());
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, legal(value));
    }

    /** Characters XML 1.0 cannot carry (NUL and other controls, as a crafted value may hold) as U+FFFD. */
    private static String legal(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
    }

    /** The event, from CID 400 (Audit Event ID). */
    static Code eventId(AuditEntry entry) {
        String action = entry.action();
        String type = entry.objectType() == null ? "" : entry.objectType();
        if (action.contains("LOGIN") || action.contains("LOGOUT")) {
            return new Code("110114", "DCM", "User Authentication");
        }
        if (type.equals("AUDIT")) {
            return new Code("110101", "DCM", "Audit Log Used");
        }
        if (action.endsWith("_REFUSED") || action.endsWith("_REJECTED") && type.equals("AE")) {
            return new Code("110113", "DCM", "Security Alert");
        }
        if (action.endsWith("_QUERIED") || action.endsWith("_SEARCHED") || action.endsWith("_LIST_VIEWED")
                || type.equals("QUERY") || type.equals("BOARD") || type.equals("SCHEDULE")) {
            return new Code("110112", "DCM", "Query");
        }
        if (action.equals("STUDY_STORED") || action.equals("STUDY_RETRIEVED")) {
            return new Code("110104", "DCM", "DICOM Instances Transferred");
        }
        return switch (type) {
            case "STUDY", "SERIES", "INSTANCE", "ARCHIVE" -> new Code("110103", "DCM", "DICOM Instances Accessed");
            case "PATIENT" -> new Code("110110", "DCM", "Patient Record");
            case "ORDER" -> new Code("110109", "DCM", "Order Record");
            case "EXAM", "MPPS", "WORKLIST" -> new Code("110111", "DCM", "Procedure Record");
            default -> new Code("110100", "DCM", "Application Activity");
        };
    }

    /** C, R, U, D or E (PS3.15 §A.5.1.1, EventActionCode). */
    static String actionCode(AuditEntry entry, Code eventId) {
        String action = entry.action().toUpperCase(Locale.ROOT);
        if (eventId.code().equals("110112") || eventId.code().equals("110114")) {
            return "E";
        }
        if (action.endsWith("_STORED") || action.endsWith("_CREATED") || action.endsWith("_PLACED")
                || action.endsWith("_REGISTERED") || action.endsWith("_SCHEDULED")) {
            return "C";
        }
        if (action.endsWith("_VIEWED") || action.endsWith("_RETRIEVED") || action.endsWith("_PRINTED")
                || action.endsWith("_SEARCHED") || action.endsWith("_REVIEWED")) {
            return "R";
        }
        if (action.endsWith("_DELETED") || action.endsWith("_PURGED")) {
            return "D";
        }
        return "U";
    }

    private static String objectRole(AuditEntry entry) {
        Code eventId = eventId(entry);
        if (eventId.code().equals("110112")) {
            return "24";
        }
        return "STUDY".equals(entry.objectType()) ? "3" : "4";
    }

    private static Code objectIdType(AuditEntry entry) {
        if ("STUDY".equals(entry.objectType())) {
            return new Code("110180", "DCM", "Study Instance UID");
        }
        return new Code(entry.objectType() == null ? "OBJECT" : entry.objectType(), "HOUNSFIELD",
                AuditEvent.inWords(entry.objectType() == null ? "OBJECT" : entry.objectType()));
    }
}
