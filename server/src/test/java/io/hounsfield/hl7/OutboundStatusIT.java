package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import io.hounsfield.ServerProcess;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Exam status messages to an ordering system that is down at first, then comes up. */
@SpringBootTest(properties = {
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0",
    "hounsfield.hl7.outbound.host=127.0.0.1",
    "hounsfield.hl7.outbound.retry-after=200ms",
    "hounsfield.hl7.outbound.poll-interval=100ms"
})
class OutboundStatusIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");
    private static final List<Terser> RECEIVED = new CopyOnWriteArrayList<>();
    private static int receiverPort;
    private static HapiContext receiverContext;
    private static HL7Service receiver;

    @Autowired
    PatientService patients;

    @Autowired
    Clock clock;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    Outbox outbox;

    @DynamicPropertySource
    static void receiverAddress(DynamicPropertyRegistry registry) throws Exception {
        receiverPort = ServerProcess.freePort();
        registry.add("hounsfield.hl7.outbound.port", () -> receiverPort);
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        if (receiver != null) {
            receiver.stopAndWait();
            receiverContext.close();
        }
    }

    @Test
    void startAndCompletionReachTheOrderingSystemOnceItIsUp() throws Exception {
        long patient = patients.register(new PatientIdentifier("HOSP", "OUT-1"),
                Demographics.named("\u00c5str\u00f6m", "Sara", LocalDate.of(1970, 1, 2), Sex.F), TECH).id();
        Exam exam = orders.place(new NewOrder("EHR", "P-OUT-1", patient, "CTHEAD", null, Priority.ROUTINE, null, null,
                "CT1", clock.instant(), null, null), TECH);
        for (ExamState state : List.of(ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS, ExamState.ACQUIRED)) {
            exams.transition(exam.id(), state, TECH, null);
        }
        Thread.sleep(600);
        assertThat(outbox.unsent()).as("queued while the receiver is down").isEqualTo(2);

        startReceiver();
        awaitReceived(2, Duration.ofSeconds(20));

        assertThat(RECEIVED).extracting(message -> get(message, "/.ORC-5")).containsExactly("IP", "CM");
        Terser first = RECEIVED.get(0);
        assertThat(get(first, "/MSH-9-1") + "^" + get(first, "/MSH-9-2")).isEqualTo("ORM^O01");
        assertThat(get(first, "/.ORC-1")).isEqualTo("SC");
        assertThat(get(first, "/.ORC-2-1")).isEqualTo("P-OUT-1");
        assertThat(get(first, "/.ORC-3-1")).isEqualTo(exam.accessionNumber());
        assertThat(get(first, "/.PID-3-1")).isEqualTo("OUT-1");
        assertThat(get(first, "/MSH-18")).isEqualTo("UNICODE UTF-8");
        assertThat(get(first, "/.PID-5-1")).as("name as sent, read per MSH-18").isEqualTo("\u00c5str\u00f6m");
        // the last message is marked sent once its answer is read, just after the receiver saw it
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (outbox.unsent() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(outbox.unsent()).isZero();
    }

    private static void startReceiver() throws Exception {
        receiverContext = new DefaultHapiContext(Executors.newCachedThreadPool());
        receiverContext.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        receiverContext.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        receiverContext.setLowerLayerProtocol(new MinLowerLayerProtocol(true)); // reads per MSH-18, as a RIS would
        receiver = receiverContext.newServer(receiverPort, false);
        receiver.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                RECEIVED.add(new Terser(message));
                try {
                    return message.generateACK();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        receiver.startAndWait();
    }

    private static void awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (RECEIVED.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RECEIVED).hasSize(count);
    }

    private static String get(Terser message, String path) {
        try {
            return message.get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
