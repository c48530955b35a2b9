package io.hounsfield.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.DemoDayExams;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.ExamTransition;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.PatientService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@HounsfieldIntegrationTest
class DemoDataIT {

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ProcedureCatalog catalog;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    DemoData demo;

    @Autowired
    OrderService orders;

    @Autowired
    Clock clock;

    @Test
    void demoModeBooksABelievableDay() {
        List<Exam> today = DemoDayExams.around(exams, clock);

        assertThat(today).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Long> perModality = today.stream().collect(Collectors.groupingBy(
                exam -> catalog.get(exam.procedureCode()).modality(), Collectors.counting()));
        assertThat(perModality.keySet()).contains("CT", "DX", "MR", "US");
        assertThat(today).filteredOn(exam -> exam.priority() == Priority.STAT).hasSizeGreaterThanOrEqualTo(3);
        assertThat(today).anySatisfy(exam -> assertThat(patients.get(exam.patientId()).temporary()).isTrue());
        assertThat(today).filteredOn(this::isDemoOrder).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(exam -> assertThat(exam.stationAeTitle()).isIn("CT1", "DX1", "MR1", "US1"));
    }

    /**
     * Whatever the hour the server starts at: some done (the last one waiting for its quality review, the others
     * released for reading), one under way and the next one here in each room, most to come, as of the moment the day was booked (the shared test context may have started minutes ago).
     */
    @Test
    void theDayIsBuiltAroundNow() {
        Instant now = demo.bookedAt();
        assertThat(now).isNotNull();
        Map<String, List<Exam>> perRoom = demoExamsPerRoom();
        assertThat(perRoom.keySet()).containsExactlyInAnyOrder("CT1", "DX1", "MR1", "US1");
        perRoom.forEach((room, bookings) -> {
            assertThat(bookings).as(room).filteredOn(exam -> bookedAs(exam) == ExamState.ACQUIRED).singleElement()
                    .satisfies(exam -> assertThat(exam.scheduledEnd()).isBefore(now));
            assertThat(bookings).as(room).filteredOn(exam -> bookedAs(exam) == ExamState.RELEASED)
                    .allSatisfy(exam -> assertThat(exam.scheduledEnd()).isBefore(now));
            assertThat(bookings).as(room).filteredOn(exam -> bookedAs(exam) == ExamState.IN_PROGRESS).singleElement()
                    .satisfies(exam -> assertThat(now).isBetween(exam.scheduledStart(), exam.scheduledEnd()));
            assertThat(bookings).as(room).filteredOn(exam -> bookedAs(exam) == ExamState.ARRIVED).hasSize(1);
            long toCome = bookings.stream().filter(exam -> exam.scheduledStart().isAfter(now)).count();
            assertThat(toCome).as(room).isGreaterThan(bookings.size() / 2);
        });
    }

    /** The state the demo left the exam in (other tests in this context may have moved it since). */
    private ExamState bookedAs(Exam exam) {
        return exams.history(exam.id()).stream().filter(step -> step.actor().equals("demo") && step.event() == null)
                .reduce((first, second) -> second).map(ExamTransition::to).orElse(ExamState.SCHEDULED);
    }

    @Test
    void aRestartKeepsTheDayItHas() {
        int before = DemoDayExams.around(exams, clock).size();
        Instant booked = demo.bookedAt();
        demo.run(null);
        assertThat(demo.bookedAt()).isEqualTo(booked);
        assertThat(DemoDayExams.around(exams, clock)).hasSize(before);
    }

    @Test
    void roomsAreNeverDoubleBooked() {
        Map<String, List<Exam>> perRoom = demoExamsPerRoom();
        perRoom.forEach((room, bookings) -> {
            for (int next = 1; next < bookings.size(); next++) {
                assertThat(bookings.get(next).scheduledStart()).as(room)
                        .isAfterOrEqualTo(bookings.get(next - 1).scheduledEnd());
            }
        });
    }

    @Test
    void demoPeersAreKnownWithTheirPermissions() {
        assertThat(peers.find("CT1")).hasValueSatisfying(peer -> {
            assertThat(peer.may(PeerPermission.STORE)).isTrue();
            assertThat(peer.may(PeerPermission.WORKLIST)).isTrue();
            assertThat(peer.may(PeerPermission.RETRIEVE)).isFalse();
        });
        assertThat(peers.find("VIEWER")).hasValueSatisfying(peer -> {
            assertThat(peer.may(PeerPermission.MOVE_DESTINATION)).isTrue();
            assertThat(peer.port()).isEqualTo(11113);
        });
        assertThat(peers.find("STRANGER")).isEmpty();
    }

    private Map<String, List<Exam>> demoExamsPerRoom() {
        return DemoDayExams.around(exams, clock).stream()
                .filter(this::isDemoOrder)
                .collect(Collectors.groupingBy(Exam::stationAeTitle));
    }

    /** Other tests in the same context book exams too; these are the demo's own. */
    private boolean isDemoOrder(Exam exam) {
        return exam.orderId() != null && orders.get(exam.orderId()).placerApplication().equals("DEMO-EHR");
    }
}
