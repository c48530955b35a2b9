package io.hounsfield.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.PatientService;
import java.time.ZoneId;
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

    @Test
    void demoModeBooksABelievableDay() {
        List<Exam> today = exams.forDay(demo.bookedDay(), ZoneId.systemDefault());

        assertThat(today).hasSizeGreaterThanOrEqualTo(40);
        Map<String, Long> perModality = today.stream().collect(Collectors.groupingBy(
                exam -> catalog.get(exam.procedureCode()).modality(), Collectors.counting()));
        assertThat(perModality.keySet()).contains("CT", "DX", "MR", "US");
        assertThat(today).filteredOn(exam -> exam.priority() == Priority.STAT).hasSizeGreaterThanOrEqualTo(3);
        assertThat(today).anySatisfy(exam -> assertThat(patients.get(exam.patientId()).temporary()).isTrue());
        assertThat(today).filteredOn(this::isDemoOrder).hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(exam -> assertThat(exam.stationAeTitle()).isIn("CT1", "DX1", "MR1", "US1"));
    }

    @Test
    void roomsAreNeverDoubleBooked() {
        Map<String, List<Exam>> perRoom = exams.forDay(demo.bookedDay(), ZoneId.systemDefault()).stream()
                .filter(this::isDemoOrder)
                .collect(Collectors.groupingBy(Exam::stationAeTitle));
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

    /** Other tests in the same context book exams too; these are the demo's own. */
    private boolean isDemoOrder(Exam exam) {
        return exam.orderId() != null && orders.get(exam.orderId()).placerApplication().equals("DEMO-EHR");
    }
}
