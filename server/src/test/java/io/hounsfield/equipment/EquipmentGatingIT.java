package io.hounsfield.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PregnancyStatus;
import io.hounsfield.patient.Sex;
import io.hounsfield.qc.PhantomImages;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.worklist.WorklistProbe;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Out-of-service gating end to end, with dcmtk's findscu -W as CT1: a lead's decision or a failed daily QC (a
 * water-phantom image stored with storescu and analysed on arrival; the demo's CT1 has the rule on) empties CT1's
 * worklist until it is back in service; the board warns; the history records each decision. Room readiness from an exam's completion to the next cleaning.
 */
@HounsfieldIntegrationTest
class EquipmentGatingIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired EquipmentService equipment;
    @Autowired ApplicationEventPublisher events;
    @Autowired NotificationService notifications;
    @Autowired DicomListener listener;
    @Autowired ExamService exams;
    @Autowired PatientService patients;
    @Autowired OrderService orders;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    @Autowired JdbcClient jdbc;

    @TempDir
    Path responses;

    @TempDir
    Path images;

    private Equipment ct1() {
        return equipment.forAeTitle("CT1").orElseThrow();
    }

    /** The context is shared with other tests: CT1 goes back in service and its rule back on. */
    @AfterEach
    void backInService() {
        equipment.setQcFailureRule(ct1().id(), true, LEAD);
        equipment.setStatus(ct1().id(), EquipmentStatus.IN_SERVICE, "test over", LEAD);
    }

    @Test
    void aLeadTakesCt1OutOfServiceItsWorklistEmptiesTheBoardWarnsAndItComesBack() throws Exception {
        Exam exam = book("GATE-1");
        assertThat(worklist()).contains(exam.accessionNumber());

        equipment.setStatus(ct1().id(), EquipmentStatus.OUT_OF_SERVICE, "Gantry rotation error", LEAD);

        assertThat(worklist()).isEmpty();
        assertThat(equipment.outOfService("CT1")).isTrue();
        String board = mvc.perform(get("/board").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(board).containsPattern("CT1 is out of service since \\d\\d:\\d\\d — Gantry rotation error");

        mvc.perform(post("/equipment/" + ct1().id() + "/status").with(csrf()).with(user("lead").roles("LEAD"))
                .param("status", "IN_SERVICE").param("reason", "Engineer replaced the encoder"))
                .andExpect(status().is3xxRedirection());

        assertThat(worklist()).contains(exam.accessionNumber());
        List<StatusChange> history = equipment.history(ct1().id());
        assertThat(history.subList(history.size() - 2, history.size()))
                .extracting(StatusChange::to, StatusChange::reason, StatusChange::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.OUT_OF_SERVICE, "Gantry rotation error", "lead"),
                        org.assertj.core.groups.Tuple.tuple(EquipmentStatus.IN_SERVICE, "Engineer replaced the encoder", "lead"));
    }

    @Test
    void aTechnologistMayNotChangeTheStatus() throws Exception {
        mvc.perform(post("/equipment/" + ct1().id() + "/status").with(csrf()).with(user("tech").roles("TECHNOLOGIST"))
                .param("status", "OUT_OF_SERVICE").param("reason", "no"))
                .andExpect(status().isForbidden());
        assertThat(ct1().status()).isEqualTo(EquipmentStatus.IN_SERVICE);
    }

    @Test
    void aFailedDailyQcTakesCt1OutOfServiceAndTellsTheLeads() throws Exception {
        Exam exam = book("GATE-2");
        assertThat(worklist()).contains(exam.accessionNumber());

        events.publishEvent(new QcResultRecorded("CT1", "CT_WATER_DAILY", false,
                "water CT number 11.2 HU (tolerance 0 ± 4 HU)", clock.instant()));

        Equipment ct1 = ct1();
        assertThat(ct1.status()).isEqualTo(EquipmentStatus.OUT_OF_SERVICE);
        assertThat(ct1.statusReason()).isEqualTo("Daily QC failed: water CT number 11.2 HU (tolerance 0 ± 4 HU)");
        assertThat(equipment.history(ct1.id()).get(equipment.history(ct1.id()).size() - 1).changedBy()).isEqualTo("qc-rule");
        assertThat(notifications.about("equipment-" + ct1.id()))
                .anySatisfy(notice -> assertThat(notice.message()).contains("CT1 is out of service: Daily QC failed"));
        assertThat(worklist()).isEmpty();
        String board = mvc.perform(get("/board").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("— Daily QC failed: water CT number 11.2 HU");

        equipment.setStatus(ct1.id(), EquipmentStatus.IN_SERVICE, "Recalibrated; QC repeated and passed", LEAD);
        assertThat(worklist()).contains(exam.accessionNumber());
    }

    @Test
    void aWaterPhantomTenHuHighStoredFromCt1EmptiesItsWorklistUntilALeadReturnsIt() throws Exception {
        Exam exam = book("GATE-4");
        assertThat(worklist()).contains(exam.accessionNumber());

        Path image = PhantomImages.writeCtImage(images, PhantomImages.water(10), "QC daily water");
        Dcmtk.Run run = Dcmtk.run(images, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), image.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        DeliveredEvents.await(jdbc, "qc-water-phantom");

        String results = mvc.perform(get("/api/equipment/qc-results").param("aeTitle", "CT1")
                .with(httpBasic("tech", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(results).contains(PhantomImages.sopInstanceUid(image)).contains("\"FAIL\"");
        assertThat(ct1().status()).isEqualTo(EquipmentStatus.OUT_OF_SERVICE);
        assertThat(ct1().statusReason()).startsWith("Daily QC failed: Water CT number");
        assertThat(worklist()).isEmpty();
        String board = mvc.perform(get("/board").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(board).containsPattern("CT1 is out of service since [^<]+ — Daily QC failed: Water CT number");

        mvc.perform(post("/equipment/" + ct1().id() + "/status").with(csrf()).with(user("lead").roles("LEAD"))
                .param("status", "IN_SERVICE").param("reason", "Recalibrated; QC repeated and passed"))
                .andExpect(status().is3xxRedirection());
        assertThat(worklist()).contains(exam.accessionNumber());
    }

    @Test
    void withTheRuleOffAFailedQcLeavesTheStatusAlone() {
        equipment.setQcFailureRule(ct1().id(), false, LEAD);
        events.publishEvent(new QcResultRecorded("CT1", "CT_WATER_DAILY", false, "noise 9 HU", clock.instant()));
        assertThat(ct1().status()).isEqualTo(EquipmentStatus.IN_SERVICE);
        events.publishEvent(new QcResultRecorded("CT1", "CT_WATER_DAILY", true, "", clock.instant()));
        assertThat(ct1().status()).isEqualTo(EquipmentStatus.IN_SERVICE);
    }

    @Test
    void aNewStationNameBecomesAnAliasNotANewDevice() {
        long before = equipment.all().size();
        Equipment found = equipment.identify("UNKNOWN-AE", "CT-104233", null, "CT1 RENAMED").orElseThrow();
        assertThat(found.id()).isEqualTo(ct1().id());
        assertThat(equipment.aliases(found.id())).extracting(Alias::kind, Alias::value)
                .contains(org.assertj.core.groups.Tuple.tuple(AliasKind.STATION_NAME, "CT1 RENAMED"));
        assertThat(equipment.identify(null, null, null, "CT1 RENAMED")).map(Equipment::id).contains(ct1().id());
        assertThat(equipment.identify(null, "NO-SUCH-SERIAL", null, null)).isEmpty();
        assertThat(equipment.all()).hasSize((int) before);
    }

    @Test
    void aRoomIsNotReadyAfterAnExamFinishesUntilItIsCleaned() throws Exception {
        Exam exam = book("GATE-3");
        equipment.roomCleaned("CT ROOM 1", LEAD);
        assertThat(readiness("CT ROOM 1").ready()).isTrue();
        Thread.sleep(5);
        for (ExamState state : List.of(ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS, ExamState.ACQUIRED)) {
            exams.transition(exam.id(), state, LEAD, null);
        }

        assertThat(readiness("CT ROOM 1").ready()).isFalse();
        String board = mvc.perform(get("/board").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("Room not ready — clean before next patient");

        mvc.perform(post("/board/rooms/cleaned").with(csrf()).with(user("student").roles("STUDENT"))
                .param("room", "CT ROOM 1")).andExpect(status().is3xxRedirection());
        assertThat(readiness("CT ROOM 1").ready()).isTrue();
    }

    private RoomReadiness readiness(String room) {
        return equipment.readiness().stream().filter(r -> r.room().equals(room)).findFirst().orElseThrow();
    }

    private Exam book(String mrn) {
        String id = mrn + "-" + System.nanoTime();
        long patient = patients.register(new PatientIdentifier("HOSP", id), new Demographics("Gate", "Test", null,
                LocalDate.of(1980, 1, 1), Sex.M, "eng", null, PregnancyStatus.NOT_PREGNANT, null, null), LEAD).id();
        LocalDate day = LocalDate.now(clock);
        return orders.place(new NewOrder("EHR", id, patient, "CTHEAD", null, Priority.ROUTINE, "Headache",
                "House, Gregory", "CT1", day.atTime(LocalTime.of(23, 40)).atZone(clock.getZone()).toInstant(), null,
                null), LEAD);
    }

    /** CT1's accession numbers for today, as findscu -W gets them. */
    private List<String> worklist() throws Exception {
        return WorklistProbe.accessions(responses, listener.port(), "CT1", LocalDate.now(clock));
    }
}
