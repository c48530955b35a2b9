package io.hounsfield.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.hounsfield.Dcmtk;
import io.hounsfield.scp.DicomListener;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 13.8 with a real collector: a TCP socket receiving RFC 5424 messages framed by octet counting, each holding a
 * DICOM audit message (PS3.15 A.5) that must parse as XML with the right EventID and participant objects; the board's
 * rows, the paged audit API and a C-MOVE to an unknown destination are audited with the patients they showed.
 */
@SpringBootTest(properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0",
    "hounsfield.audit.syslog.host=127.0.0.1",
    "hounsfield.audit.syslog.protocol=TCP"
})
@AutoConfigureMockMvc
class AuditSyslogIT {
    private static final Pattern HEADER = Pattern.compile(
            "<85>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\S+ hounsfield \\d+ IHE\\+RFC-3881 - ");
    private static final ServerSocket COLLECTOR = open();
    private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("hounsfield.audit.syslog.port", COLLECTOR::getLocalPort);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    private static ServerSocket open() {
        try {
            ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread reader = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        readFrames(new DataInputStream(connection.getInputStream()));
                    } catch (IOException e) {
                        // the collector is closed, or the sender reconnects
                    }
                }
            }, "test-syslog-collector");
            reader.setDaemon(true);
            reader.start();
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MSG-LEN SP SYSLOG-MSG, again and again (RFC 6587 §3.4.1). */
    private static void readFrames(DataInputStream in) throws IOException {
        while (true) {
            StringBuilder length = new StringBuilder();
            for (int b = in.read(); b != ' '; b = in.read()) {
                if (b < 0) {
                    return;
                }
                assertThat((char) b).isBetween('0', '9');
                length.append((char) b);
            }
            byte[] message = new byte[Integer.parseInt(length.toString())];
            in.readFully(message);
            RECEIVED.add(new String(message, StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void close() throws IOException {
        COLLECTOR.close();
    }

    @Test
    void theBoardsRowsAreAuditedWithEveryPatientShownAndSentToTheCollector() throws Exception {
        mvc.perform(get("/board/rows").with(user("tech").roles("TECHNOLOGIST"))).andReturn();
        List<String> today = patientsSeen(lastBoardEvent());
        assertThat(today).as("the demo day's board shows patients").isNotEmpty();
        String search = jdbc.sql("""
                SELECT p.family_name FROM patient p JOIN patient_identifier i ON i.patient_id = p.id
                WHERE i.value = ? LIMIT 1""").param(today.get(0)).query(String.class).single();
        RECEIVED.clear();

        mvc.perform(get("/board/rows").param("search", search).with(user("tech").roles("TECHNOLOGIST")))
                .andReturn();

        long event = lastBoardEvent();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE id = ?").param(event).query(String.class)
                .single()).contains("search '" + search + "'");
        List<String> seen = patientsSeen(event);
        assertThat(seen).contains(today.get(0));

        Document message = xmlOf(next("BOARD_VIEWED", "search '" + search + "'"));
        Element eventId = only(message, "EventID");
        assertThat(eventId.getAttribute("csd-code")).isEqualTo("110112");
        assertThat(eventId.getAttribute("codeSystemName")).isEqualTo("DCM");
        assertThat(only(message, "EventIdentification").getAttribute("EventActionCode")).isEqualTo("E");
        assertThat(only(message, "EventIdentification").getAttribute("EventOutcomeIndicator")).isEqualTo("0");
        assertThat(attributes(message, "ActiveParticipant", "UserID")).contains("tech");
        assertThat(only(message, "AuditSourceIdentification").getAttribute("AuditSourceID")).isEqualTo("HOUNSFIELD");
        List<String> patients = new ArrayList<>();
        NodeList objects = message.getElementsByTagName("ParticipantObjectIdentification");
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            if (object.getAttribute("ParticipantObjectTypeCodeRole").equals("1")) {
                assertThat(object.getAttribute("ParticipantObjectTypeCode")).isEqualTo("1");
                patients.add(object.getAttribute("ParticipantObjectID"));
            }
        }
        assertThat(patients).containsExactlyInAnyOrderElementsOf(seen);

        String json = mvc.perform(get("/api/audit").param("patientId", seen.get(0)).param("action", "BOARD_VIEWED")
                .with(user("lead").roles("LEAD"))).andReturn().getResponse().getContentAsString();
        assertThat(json).as("who saw this patient").contains("\"id\":" + event);
    }

    @Test
    void theAuditApiPagesWithLinksAndTheTotal() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/board/rows").with(user("paging-tech").roles("TECHNOLOGIST"))).andReturn();
        }
        MockHttpServletResponse first = mvc.perform(get("/api/audit").param("actor", "paging-tech")
                .param("limit", "2").with(user("lead").roles("LEAD"))).andReturn().getResponse();
        assertThat(first.getHeader("X-Total-Count")).isEqualTo("3");
        String link = first.getHeader("Link");
        assertThat(link).contains("rel=\"next\"").contains("offset=2").contains("upTo=");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));

        MockHttpServletResponse second = mvc.perform(get(next).with(user("lead").roles("LEAD"))).andReturn()
                .getResponse();
        assertThat(second.getContentAsString()).contains("paging-tech");
        assertThat(second.getHeader("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void aMoveToAnUnknownDestinationIsAuditedAndSentAsASecurityAlert() throws Exception {
        Dcmtk.Run move = Dcmtk.run(work, "movescu", "-aet", "VIEWER", "-aec", "HOUNSFIELD", "-aem", "NOWHERE",
                "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3.4", "127.0.0.1",
                String.valueOf(listener.port()));
        assertThat(move.output()).as(move.output()).contains("MoveDestinationUnknown");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'DICOM_REQUEST_REFUSED' AND actor = 'VIEWER'
                AND detail LIKE '%NOWHERE%'""").query(Long.class).single()).isEqualTo(1);
        Document message = xmlOf(next("DICOM_REQUEST_REFUSED", "NOWHERE"));
        assertThat(only(message, "EventID").getAttribute("csd-code")).isEqualTo("110113");
        assertThat(only(message, "EventIdentification").getAttribute("EventOutcomeIndicator")).isEqualTo("4");
        assertThat(only(message, "EventOutcomeDescription").getTextContent()).contains("NOWHERE");
    }

    private long lastBoardEvent() {
        return jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'BOARD_VIEWED' AND actor = 'tech'")
                .query(Long.class).single();
    }

    private List<String> patientsSeen(long event) {
        return jdbc.sql("SELECT patient_id FROM audit_patient_seen WHERE event_id = ?").param(event)
                .query(String.class).list();
    }

    /** The next message received whose event type is {@code action} and that holds {@code text}, within 20 s. */
    private static String next(String action, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String message = RECEIVED.poll(1, TimeUnit.SECONDS);
            if (message != null && message.contains("csd-code=\"" + action + "\"") && message.contains(text)) {
                return message;
            }
        }
        throw new AssertionError("no " + action + " message received");
    }

    private static Document xmlOf(String syslog) throws Exception {
        Matcher header = HEADER.matcher(syslog);
        assertThat(header.lookingAt()).as(syslog).isTrue();
        String body = syslog.substring(header.end());
        assertThat(body).startsWith("\uFEFF<?xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                body.substring(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("AuditMessage");
        return document;
    }

    private static Element only(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag).isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static List<String> attributes(Document document, String tag, String attribute) {
        List<String> values = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return values;
    }
}
