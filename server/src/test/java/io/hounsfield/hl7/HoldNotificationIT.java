package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.hounsfield.ServerProcess;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 point 2: the ordering side hears that a mismatch holds its order (ORC-5 HD) and when it is lifted. */
@SpringBootTest(properties = {
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0",
    "hounsfield.hl7.outbound.host=127.0.0.1",
    "hounsfield.hl7.outbound.retry-after=1h"
})
class HoldNotificationIT {

    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    /** A port nobody listens on: the messages stay in the outbox to be read. */
    @DynamicPropertySource
    static void unreachableReceiver(DynamicPropertyRegistry registry) throws Exception {
        int port = ServerProcess.freePort();
        registry.add("hounsfield.hl7.outbound.port", () -> port);
    }

    @Test
    void aHoldAndItsOverrideAreReportedToTheOrderingSystem() throws Exception {
        long patient = patients.register(new PatientIdentifier("HOSP", "HOLD-1"),
                Demographics.named("Nakamura", "Yui", LocalDate.of(1988, 5, 6), Sex.F), TECH).id();
        Exam knee = orders.place(new NewOrder("EHR", "P-HOLD-1", patient, "XRKNEE", Laterality.L, Priority.ROUTINE,
                null, null, "DX1", clock.instant(), null, null), TECH);
        exams.transition(knee.id(), ExamState.ARRIVED, TECH, null);

        exams.placeHold(knee.id(), "Patient says RIGHT knee, LEFT ordered", Laterality.R, TECH);
        exams.overrideHold(knee.id(), "Checked with the orthopaedic surgeon: LEFT is right", LEAD);

        List<Terser> sent = outbox();
        assertThat(sent).extracting(message -> message.get("/.ORC-5")).containsExactly("HD", "SC");
        assertThat(sent).allSatisfy(message -> {
            assertThat(message.get("/.ORC-1")).isEqualTo("SC");
            assertThat(message.get("/.ORC-2-1")).isEqualTo("P-HOLD-1");
            assertThat(message.get("/.ORC-3-1")).isEqualTo(knee.accessionNumber());
        });
    }

    private List<Terser> outbox() throws Exception {
        List<Terser> messages = new ArrayList<>();
        try (HapiContext hapi = new DefaultHapiContext()) {
            hapi.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            for (String message : jdbc.sql("SELECT message FROM hl7_outbox ORDER BY id").query(String.class).list()) {
                messages.add(new Terser(hapi.getPipeParser().parse(message)));
            }
        }
        return messages;
    }
}
