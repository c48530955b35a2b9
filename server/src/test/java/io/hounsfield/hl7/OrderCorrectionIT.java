package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.HistoryEvent;
import io.hounsfield.exam.Laterality;
import io.hounsfield.order.ImagingOrder;
import io.hounsfield.order.OrderService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 12 point 2: the ordering side resolves a mismatch hold by correcting the order (ORM^O01, ORC-1 XO). */
@HounsfieldIntegrationTest
class OrderCorrectionIT {

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final Actor TECH = new Actor("tech", "TECHNOLOGIST", "127.0.0.1");

    @Autowired
    MllpListener listener;

    @Autowired
    OrderService orders;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

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
    void anOrderCorrectedToTheSideFoundLiftsTheHoldAndTheMismatchStaysInTheHistory() throws Exception {
        String placer = number("ORD");
        String mrn = number("MRN");
        assertThat(send(orm("NW", mrn, placer, "L")).get("/MSA-1")).isEqualTo("AA");
        ImagingOrder order = orders.find("RIS", placer).orElseThrow();
        Exam knee = orders.exams(order).get(0);
        exams.transition(knee.id(), ExamState.ARRIVED, TECH, "checked in");
        exams.placeHold(knee.id(), "Patient says RIGHT knee, LEFT ordered", Laterality.R, TECH);

        assertThat(send(orm("XO", mrn, placer, "B")).get("/MSA-1")).isEqualTo("AA");
        assertThat(exams.activeHold(knee.id())).as("corrected to both sides, not to the right").isPresent();

        assertThat(send(orm("XO", mrn, placer, "R")).get("/MSA-1")).isEqualTo("AA");

        assertThat(exams.activeHold(knee.id())).isEmpty();
        assertThat(exams.get(knee.id()).laterality()).isEqualTo(Laterality.R);
        assertThat(orders.find("RIS", placer).orElseThrow().laterality()).isEqualTo(Laterality.R);
        assertThat(exams.history(knee.id())).filteredOn(step -> step.event() != null)
                .extracting(ExamTransition::event)
                .containsExactly(HistoryEvent.HOLD_PLACED, HistoryEvent.ORDER_CORRECTED, HistoryEvent.HOLD_NOTE,
                        HistoryEvent.ORDER_CORRECTED, HistoryEvent.HOLD_LIFTED);
        assertThat(exams.history(knee.id())).filteredOn(step -> step.event() == HistoryEvent.HOLD_PLACED)
                .singleElement().extracting(ExamTransition::reason).asString().contains("RIGHT knee, LEFT ordered");
        assertThat(exams.transition(knee.id(), ExamState.VERIFIED, TECH, "verified against the corrected order")
                .state()).isEqualTo(ExamState.VERIFIED);
    }

    @Test
    void aCorrectionAfterTheExamStartedIsRefused() throws Exception {
        String placer = number("ORD");
        String mrn = number("MRN");
        send(orm("NW", mrn, placer, "L"));
        Exam knee = orders.exams(orders.find("RIS", placer).orElseThrow()).get(0);
        for (ExamState state : new ExamState[] {ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS}) {
            exams.transition(knee.id(), state, TECH, null);
        }

        Terser answer = send(orm("XO", mrn, placer, "R"));

        assertThat(answer.get("/MSA-1")).isEqualTo("AE");
        assertThat(exams.get(knee.id()).laterality()).isEqualTo(Laterality.L);
    }

    /** ORM^O01 as a v2.3.1 placer sends it, with the side in OBR-46. */
    private String orm(String control, String mrn, String placer, String side) {
        String today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
        String[] obr = new String[47];
        java.util.Arrays.fill(obr, "");
        obr[0] = "OBR";
        obr[1] = "1";
        obr[2] = placer + "^RIS";
        obr[4] = "XRKNEE^XR knee";
        obr[46] = side;
        return "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|" + today + "1000||ORM^O01|" + number("MSG") + "|P|2.5.1\r"
                + "PID|1||" + mrn + "^^^HOSP^MR||Okafor^Chidi||19570612|M\r"
                + "ORC|" + control + "|" + placer + "^RIS|||||^^^" + today + "1030^^R\r"
                + String.join("|", obr);
    }

    private Terser send(String message) throws Exception {
        return sender.send(message);
    }

    private static String number(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + NUMBERS.incrementAndGet();
    }
}
