package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamService;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MLLP transport and the acknowledgments, at the byte level (issue 14 points 1, 2 and 6, issue 13 point 6):
 * character sets, messages pipelined on one connection, the answer's type, reason fields and control ids.
 */
@HounsfieldIntegrationTest
class Hl7WireIT {

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final HapiContext HAPI = new DefaultHapiContext();

    static {
        HAPI.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        HAPI.setValidationContext(ValidationContextFactory.noValidation());
    }

    private final String today;

    Hl7WireIT(@Autowired Clock clock) {
        today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Autowired
    MllpListener listener;

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"8859/1", "ISO-8859-1", "ISO IR100", "ISO_IR 100"})
    void latin1NamesAreStoredIntactAndAnsweredInLatin1(String characterSet) throws Exception {
        String mrn = newNumber("MRN");

        byte[] answer = exchange(adt(newNumber("MSG"), mrn, "2.5", characterSet).getBytes(StandardCharsets.ISO_8859_1));

        Terser ack = parse(answer, StandardCharsets.ISO_8859_1);
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSH-18")).isEqualTo(characterSet);
        assertName(mrn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UNICODE UTF-8", "UTF-8", "UNICODE"})
    void utf8NamesWithOrWithoutMsh18AreStoredIntact(String characterSet) throws Exception {
        String mrn = newNumber("MRN");

        byte[] answer = exchange(adt(newNumber("MSG"), mrn, "2.5", characterSet).getBytes(StandardCharsets.UTF_8));

        assertThat(parse(answer, StandardCharsets.UTF_8).get("/MSA-1")).isEqualTo("AA");
        assertName(mrn);
    }

    @Test
    void bytesNotValidInTheMessagesCharacterSetAreRefusedWithTheReasonAndNothingIsStored() throws Exception {
        String latin1WithoutMsh18 = newNumber("MRN");
        String utf8DeclaredAscii = newNumber("MRN");

        Terser undeclared = parse(exchange(adt(newNumber("MSG"), latin1WithoutMsh18, "2.5", "")
                .getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.UTF_8);
        Terser ascii = parse(exchange(adt(newNumber("MSG"), utf8DeclaredAscii, "2.5", "ASCII")
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);

        assertThat(undeclared.get("/MSA-1")).isEqualTo("AR");
        assertThat(undeclared.get("/MSA-3")).contains("UTF-8");
        assertThat(undeclared.get("/ERR-3-9")).contains("0xE8").contains("PID").contains("not valid UTF-8");
        assertThat(ascii.get("/MSA-1")).isEqualTo("AR");
        assertThat(ascii.get("/ERR-3-9")).contains("US-ASCII").contains("MSH-18 'ASCII'");
        assertThat(patients.find(new PatientIdentifier("HOSP", latin1WithoutMsh18))).isEmpty();
        assertThat(patients.find(new PatientIdentifier("HOSP", utf8DeclaredAscii))).isEmpty();
    }

    @Test
    void anUnknownCharacterSetIsRefused() throws Exception {
        String mrn = newNumber("MRN");

        Terser ack = parse(exchange(adt(newNumber("MSG"), mrn, "2.5", "KLINGON-8").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/ERR-3-9")).contains("KLINGON-8");
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn))).isEmpty();
    }

    /** Issue 14 point 2: written all at once, then all answers read; each cancel finds its order. */
    @Test
    void twentyOrdersAndTheirCancelsPipelinedOnOneConnectionLeaveNoOpenExam() throws Exception {
        List<String> placers = new ArrayList<>();
        List<String> controlIds = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int pair = 0; pair < 20; pair++) {
            String placer = newNumber("ORD");
            String mrn = newNumber("MRN");
            placers.add(placer);
            for (String control : List.of("NW", "CA")) {
                String controlId = newNumber("MSG");
                controlIds.add(controlId);
                all.write(RawMllp.frame(omi(controlId, mrn, placer, control, "").getBytes(StandardCharsets.UTF_8)));
            }
        }

        List<Terser> answers = new ArrayList<>();
        try (RawMllp connection = new RawMllp(listener.port())) {
            connection.writeRaw(all.toByteArray());
            for (int i = 0; i < controlIds.size(); i++) {
                answers.add(parse(connection.receive(), StandardCharsets.UTF_8));
            }
        }

        for (int i = 0; i < controlIds.size(); i++) {
            assertThat(answers.get(i).get("/MSA-2")).isEqualTo(controlIds.get(i));
            assertThat(answers.get(i).get("/MSA-1")).as(answers.get(i).get("/ERR-3-9")).isEqualTo("AA");
        }
        for (String placer : placers) {
            ImagingOrder order = orders.find("RIS", placer).orElseThrow();
            assertThat(exams.forOrder(order.id())).isNotEmpty()
                    .allSatisfy(exam -> assertThat(exam.state()).isEqualTo(ExamState.CANCELLED));
        }
    }

    @Test
    void aCancelForAnOrderNotYetKnownIsRefusedWithTheReasonTheSenderSees() throws Exception {
        String placer = newNumber("ORD");

        Terser ack = parse(exchange(omi(newNumber("MSG"), newNumber("MRN"), placer, "CA", "")
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(ack.get("/MSA-1")).isIn("AE", "AR");
        assertThat(ack.get("/MSA-3")).contains(placer);
        assertThat(ack.get("/ERR-3-9")).contains(placer);
    }

    /** Issue 14 point 6: v2.5.1 chapter 4 answers OMI^O23 with ORI^O24 (ORL^O22 answers the laboratory OML^O21). */
    @Test
    void omiIsAnsweredWithOriO24() throws Exception {
        Terser ack = parse(exchange(omi(newNumber("MSG"), newNumber("MRN"), newNumber("ORD"), "NW", "")
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        assertThat(ack.get("/MSH-9-1") + "^" + ack.get("/MSH-9-2") + "^" + ack.get("/MSH-9-3"))
                .isEqualTo("ORI^O24^ORI_O24");
    }

    @Test
    void aV23SenderGetsTheReasonInMsa3AndErr1() throws Exception {
        String placer = newNumber("ORD");
        String message = "MSH|^~\\&|OLDRIS|HOSP|HOUNSFIELD|RAD|" + today + "0800||ORM^O01|" + newNumber("MSG") + "|P|2.3\r"
                + "PID|1||" + newNumber("MRN") + "^^^HOSP^MR||Rivera^Ana||19840307|F\r"
                + "ORC|NW|" + placer + "^OLDRIS\r"
                + "OBR|1|" + placer + "^OLDRIS||NOSUCHCODE^Unknown\r";

        Terser ack = parse(exchange(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/MSA-3")).contains("NOSUCHCODE");
        assertThat(ack.get("/ERR-1-4-1")).isEqualTo("204");
        assertThat(ack.get("/ERR-1-4-2")).contains("NOSUCHCODE");
    }

    /** Issue 14 point 6: answers' MSH-10 come from a database sequence, so a restart does not reuse them. */
    @Test
    void controlIdsOfAnswersAreDrawnFromTheDatabaseAndNotReusedAfterARestart() throws Exception {
        String first = controlIdOfAnAnswer();
        listener.stop();
        listener.start();
        String afterRestart = controlIdOfAnAnswer();

        long drawn = jdbc.sql("SELECT last_value FROM hl7_control_id").query(Long.class).single();
        assertThat(first).matches("HF\\d+");
        assertThat(afterRestart).matches("HF\\d+");
        assertThat(Long.parseLong(afterRestart.substring(2))).isGreaterThan(Long.parseLong(first.substring(2)))
                .isLessThanOrEqualTo(drawn);
    }

    /** Issue 13 point 6: only the documented versions 2.3 to 2.5.1 are read. */
    @ParameterizedTest
    @ValueSource(strings = {"2.1", "2.2", "2.6"})
    void versionsOutsideTheDocumentedRangeAreRefused(String version) throws Exception {
        String mrn = newNumber("MRN");

        Terser ack = parse(exchange(adt(newNumber("MSG"), mrn, version, "").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(ack.get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.get("/MSA-3")).contains(version).contains("2.3 to 2.5.1");
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn))).isEmpty();
    }

    private String controlIdOfAnAnswer() throws Exception {
        Terser ack = parse(exchange(adt(newNumber("MSG"), newNumber("MRN"), "2.5", "").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        return ack.get("/MSH-10");
    }

    private void assertName(String mrn) {
        Patient patient = patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow();
        assertThat(patient.demographics().familyName()).isEqualTo("Lef\u00e8vre");
        assertThat(patient.demographics().givenName()).isEqualTo("H\u00e9l\u00e8ne");
    }

    private String adt(String controlId, String mrn, String version, String characterSet) {
        return "MSH|^~\\&|ADT|HOSP|HOUNSFIELD|RAD|" + today + "0700||ADT^A01^ADT_A01|" + controlId + "|P|" + version
                + "||||||" + characterSet + "\r"
                + "EVN|A01|" + today + "0700\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Lef\u00e8vre^H\u00e9l\u00e8ne||19700101|F\r"
                + "PV1|1|O\r";
    }

    private String omi(String controlId, String mrn, String placer, String control, String characterSet) {
        return "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|" + today + "0800||OMI^O23^OMI_O23|" + controlId + "|P|2.5.1"
                + "||||||" + characterSet + "\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Lef\u00e8vre^H\u00e9l\u00e8ne||19700101|F\r"
                + "PV1|1|O\r"
                + "ORC|" + control + "|" + placer + "^RIS|||SC\r"
                + "TQ1|1||||||" + today + "0930||R\r"
                + "OBR|1|" + placer + "^RIS||XRCHEST2^Chest X-ray\r";
    }

    private byte[] exchange(byte[] message) throws Exception {
        try (RawMllp connection = new RawMllp(listener.port())) {
            return connection.exchange(message);
        }
    }

    static Terser parse(byte[] answer, Charset charset) throws Exception {
        assertThat(answer).as("an answer").isNotNull();
        return new Terser(HAPI.getPipeParser().parse(new String(answer, charset)));
    }

    private static String newNumber(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + NUMBERS.incrementAndGet();
    }
}
