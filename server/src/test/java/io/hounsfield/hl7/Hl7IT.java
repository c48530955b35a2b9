package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HAPI as the hospital's sending system, over real MLLP, against the running listener. */
@HounsfieldIntegrationTest
class Hl7IT {

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    /** The department clock's today, as HL7 writes dates. */
    private final String today;

    Hl7IT(@Autowired Clock clock) {
        today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Autowired
    MllpListener listener;

    @Autowired
    Clock clock;

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    JdbcClient jdbc;

    MllpClient sender;

    @BeforeEach
    void connect() throws Exception {
        sender = new MllpClient(listener.port());
    }

    @AfterEach
    void close() throws Exception {
        sender.close();
    }

    @Test
    void omiCreatesAnOrderAndAScheduledExam() throws Exception {
        String mrn = newNumber("MRN");
        String placer = newNumber("ORD");

        Terser ack = send(omi(newNumber("MSG"), mrn, placer, "XRKNEE", "LEFT", "S"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        Patient patient = patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow();
        assertThat(patient.demographics().familyName()).isEqualTo("Rivera");
        assertThat(patient.demographics().birthDate()).isEqualTo(LocalDate.of(1984, 3, 7));
        ImagingOrder order = orders.find("RIS", placer).orElseThrow();
        assertThat(order.priority()).isEqualTo(Priority.STAT);
        assertThat(orders.exams(order)).singleElement().satisfies(exam -> {
            assertThat(exam.state()).isEqualTo(ExamState.SCHEDULED);
            assertThat(exam.patientId()).isEqualTo(patient.id());
            assertThat(exam.procedureCode()).isEqualTo("XRKNEE");
            assertThat(exam.laterality()).isEqualTo(Laterality.L);
            assertThat(exam.stationAeTitle()).isEqualTo("DX1");
            assertThat(exam.accessionNumber()).startsWith("HF");
            assertThat(exam.studyInstanceUid()).startsWith("2.25.");
            assertThat(exam.scheduledEnd()).isEqualTo(exam.scheduledStart().plusSeconds(10 * 60));
        });
    }

    @Test
    void anExternalOrderFillersAccessionAndStudyUidAreKept() throws Exception {
        String placer = newNumber("ORD");
        String accession = newNumber("A");
        String message = omi(newNumber("MSG"), newNumber("MRN"), placer, "CTHEAD", "", "R")
                .replace("IPC|||||DX|", "IPC|" + accession + "||1.2.826.0.1.3680043.2.1125.1." + placer.substring(3) + "|SPS1|CT|");

        assertThat(send(message).get("/MSA-1")).isEqualTo("AA");

        assertThat(exams.findByAccession(accession)).hasValueSatisfying(exam -> assertThat(exam.studyInstanceUid())
                .isEqualTo("1.2.826.0.1.3680043.2.1125.1." + placer.substring(3)));
    }

    @Test
    void aMessageWithAnUnknownProcedureIsRefusedAndChangesNothing() throws Exception {
        String mrn = newNumber("MRN");
        long ordersBefore = count("imaging_order");

        Terser ack = send(omi(newNumber("MSG"), mrn, newNumber("ORD"), "NOSUCHCODE", "", "R"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("204");
        assertThat(ack.get("/ERR-3-9")).contains("NOSUCHCODE");
        assertThat(count("imaging_order")).isEqualTo(ordersBefore);
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn))).as("patient of the refused order").isEmpty();
    }

    @Test
    void aMessageWithoutAssigningAuthorityIsRefusedWithTheField() throws Exception {
        String message = omi(newNumber("MSG"), newNumber("MRN"), newNumber("ORD"), "CTHEAD", "", "R")
                .replace("^^^HOSP^MR", "");

        Terser ack = send(message);

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("101");
        assertThat(ack.get("/ERR-3-9")).contains("PID-3");
    }

    @Test
    void aMissingLateralityIsRefused() throws Exception {
        Terser ack = send(omi(newNumber("MSG"), newNumber("MRN"), newNumber("ORD"), "XRWRIST", "", "R"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/ERR-3-9")).contains("laterality");
    }

    @Test
    void garbageInsideTheFrameGetsARejectionAndTheListenerStaysUp() throws Exception {
        String answer = sendRaw("this is not an HL7 message at all");
        assertThat(answer).contains("MSA|A");
        assertThat(answer).doesNotContain("MSA|AA");

        assertThat(send(omi(newNumber("MSG"), newNumber("MRN"), newNumber("ORD"), "CTHEAD", "", "R")).get("/MSA-1"))
                .isEqualTo("AA");
    }

    @Test
    void anUnsupportedMessageTypeIsRejected() throws Exception {
        Terser ack = send("MSH|^~\\&|LAB|HOSP|HOUNSFIELD|RAD|" + today + "0800||ORU^R01|" + newNumber("MSG") + "|P|2.5.1\r"
                + "PID|1||" + newNumber("MRN") + "^^^HOSP^MR||Rivera^Ana\r");
        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/ERR-3-1")).isEqualTo("200");
    }

    @Test
    void aResentMessageGetsTheSameAnswerAndCreatesNothingNew() throws Exception {
        String message = omi(newNumber("MSG"), newNumber("MRN"), newNumber("ORD"), "CTHEAD", "", "R");
        Terser first = send(message);
        long ordersAfterFirst = count("imaging_order");
        long examsAfterFirst = count("exam");

        Terser again = send(message);

        assertThat(again.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSH-10")).isEqualTo(first.get("/MSH-10"));
        assertThat(count("imaging_order")).isEqualTo(ordersAfterFirst);
        assertThat(count("exam")).isEqualTo(examsAfterFirst);
    }

    @Test
    void admissionRegistersThePatientWithAllergiesAndWeight() throws Exception {
        String mrn = newNumber("MRN");
        Terser ack = send("MSH|^~\\&|ADT|HOSP|HOUNSFIELD|RAD|" + today + "0700||ADT^A01^ADT_A01|" + newNumber("MSG")
                + "|P|2.5\r"
                + "EVN|A01|" + today + "0700\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Haddad^Yasmin||19780819|F|||||||ARA\r"
                + "PV1|1|I|WARD3^12^A\r"
                + "OBX|1|NM|29463-7^Body weight^LN||72.5|kg^kilogram^UCUM|||||F\r"
                + "AL1|1|DA|LATEX^Latex|SV\r"
                + "AL1|2|DA|C0021641^Iodinated contrast media|MO\r");

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        Patient patient = patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow();
        assertThat(patient.demographics().allergies()).isEqualTo("Latex; Iodinated contrast media");
        assertThat(patient.demographics().weightKg()).isEqualByComparingTo("72.5");
        assertThat(patient.demographics().language()).isEqualTo("ARA");
    }

    @Test
    void a40MergesTwoPatientsAndTheirExams() throws Exception {
        String survivorMrn = newNumber("MRN");
        String priorMrn = newNumber("MRN");
        send(omi(newNumber("MSG"), survivorMrn, newNumber("ORD"), "CTHEAD", "", "R"));
        send(omi(newNumber("MSG"), priorMrn, newNumber("ORD"), "CTCHEST", "", "R"));
        long priorId = patients.find(new PatientIdentifier("HOSP", priorMrn)).orElseThrow().id();

        Terser ack = send("MSH|^~\\&|ADT|HOSP|HOUNSFIELD|RAD|" + today + "0900||ADT^A40^ADT_A39|" + newNumber("MSG")
                + "|P|2.5\r"
                + "EVN|A40|" + today + "0900\r"
                + "PID|1||" + survivorMrn + "^^^HOSP^MR||Rivera^Ana||19840307|F\r"
                + "MRG|" + priorMrn + "^^^HOSP^MR\r");

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        Patient survivor = patients.find(new PatientIdentifier("HOSP", survivorMrn)).orElseThrow();
        assertThat(patients.find(new PatientIdentifier("HOSP", priorMrn))).hasValueSatisfying(
                found -> assertThat(found.id()).isEqualTo(survivor.id()));
        assertThat(survivor.otherIdentifiers()).contains(new PatientIdentifier("HOSP", priorMrn));
        assertThat(exams.forPatient(survivor.id())).extracting(Exam::procedureCode)
                .containsExactlyInAnyOrder("CTHEAD", "CTCHEST");
        assertThat(exams.forPatient(priorId)).isEmpty();
    }

    @Test
    void ormVersion231PlacesAndCancelsAnOrder() throws Exception {
        String placer = newNumber("ORD");
        String header = "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|" + today + "1000||ORM^O01|";
        String body = "|P|2.3.1\r"
                + "PID|1||" + newNumber("MRN") + "^^^HOSP^MR||Okafor^Chidi||19570612|M\r"
                + "ORC|%s|" + placer + "^RIS|||||^^^" + today + "1030^^R\r"
                + "OBR|1|" + placer + "^RIS||MRBRAIN^MR brain\r";

        assertThat(send(header + newNumber("MSG") + body.formatted("NW")).get("/MSA-1")).isEqualTo("AA");
        ImagingOrder order = orders.find("RIS", placer).orElseThrow();
        assertThat(orders.exams(order)).singleElement().extracting(Exam::state).isEqualTo(ExamState.SCHEDULED);

        assertThat(send(header + newNumber("MSG") + body.formatted("CA")).get("/MSA-1")).isEqualTo("AA");
        assertThat(orders.exams(order)).singleElement().extracting(Exam::state).isEqualTo(ExamState.CANCELLED);
    }

    private String omi(String controlId, String mrn, String placer, String procedure, String laterality,
            String priority) {
        return "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|" + today + "0800||OMI^O23^OMI_O23|" + controlId + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Rivera^Ana^Luisa||19840307|F|||||||SPA\r"
                + "PV1|1|O\r"
                + "ORC|NW|" + placer + "^RIS|||SC\r"
                + "TQ1|1||||||" + today + "0930||" + priority + "\r"
                + obr(placer, procedure, laterality) + "\r"
                + "IPC|||||DX||DX ROOM 1|RADIOLOGY|DX1\r";
    }

    /** OBR with procedure (OBR-4), ordering provider (16), reason (31) and laterality (46), at their positions. */
    private String obr(String placer, String procedure, String laterality) {
        String[] fields = new String[47];
        java.util.Arrays.fill(fields, "");
        fields[0] = "OBR";
        fields[1] = "1";
        fields[2] = placer + "^RIS";
        fields[4] = procedure + "^Ordered procedure";
        fields[16] = "^Osei^Kwame";
        fields[31] = "^Knee pain after fall";
        fields[46] = laterality;
        return String.join("|", fields);
    }

    private Terser send(String message) throws Exception {
        return sender.send(message);
    }

    /** Sends bytes in an MLLP frame, bypassing HAPI's client, and returns the answer. */
    private String sendRaw(String content) throws Exception {
        try (RawMllp mllp = new RawMllp(listener.port())) {
            return new String(mllp.exchange(content.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String newNumber(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + NUMBERS.incrementAndGet();
    }

}
