package io.hounsfield.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The UDP variant (RFC 5426: one message per datagram) against a real socket, with a study stored by a peer. */
class SyslogUdpIT {

    @Test
    void aStoredStudyArrivesAsOneDatagramWithTheDicomAuditMessage() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(10_000);
            SyslogProperties properties = new SyslogProperties("127.0.0.1", collector.getLocalPort(),
                    SyslogProperties.Protocol.UDP, "HOUNSFIELD-TEST", 10);
            Instant at = Instant.parse("2026-03-01T10:15:30Z");
            AuditEntry stored = AuditEntry.success("STUDY_STORED", "STUDY", "1.2.3.4").forPatient("MRN-7^^^HOSP")
                    .withDetail("association CT1->HOUNSFIELD(3) <&>");
            try (SyslogSender sender = new SyslogSender(properties, "pacs host", "42")) {
                sender.send(at, AuditMessage.xml(new Actor("CT1", "DICOM", "10.0.0.7"), stored, at,
                        properties.sourceId()));
            }

            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            collector.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);

            String header = "<85>1 2026-03-01T10:15:30Z pacs_host hounsfield 42 IHE+RFC-3881 - \uFEFF";
            assertThat(message).startsWith(header);
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                    message.substring(header.length()).getBytes(StandardCharsets.UTF_8)));
            Element event = (Element) xml.getElementsByTagName("EventIdentification").item(0);
            assertThat(event.getAttribute("EventActionCode")).isEqualTo("C");
            assertThat(event.getAttribute("EventDateTime")).isEqualTo("2026-03-01T10:15:30Z");
            assertThat(((Element) xml.getElementsByTagName("EventID").item(0)).getAttribute("csd-code"))
                    .isEqualTo("110104");
            assertThat(xml.getElementsByTagName("EventOutcomeDescription").item(0).getTextContent())
                    .isEqualTo("association CT1->HOUNSFIELD(3) <&>");
            List<Element> objects = new java.util.ArrayList<>();
            for (int i = 0; i < xml.getElementsByTagName("ParticipantObjectIdentification").getLength(); i++) {
                objects.add((Element) xml.getElementsByTagName("ParticipantObjectIdentification").item(i));
            }
            assertThat(objects).extracting(object -> object.getAttribute("ParticipantObjectID"))
                    .containsExactly("MRN-7^^^HOSP", "1.2.3.4");
            assertThat(objects.get(0).getAttribute("ParticipantObjectTypeCodeRole")).isEqualTo("1");
            assertThat(objects.get(1).getElementsByTagName("ParticipantObjectIDTypeCode").item(0).getAttributes()
                    .getNamedItem("csd-code").getNodeValue()).isEqualTo("110180");
        }
    }
}
