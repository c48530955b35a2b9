package io.hounsfield.demo;

import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode's department: the demo DICOM peers, three dozen patients, and a believable day in four
 * rooms, built around the department clock's now at whatever hour it starts: each room is booked back to
 * back so that about a third of its list is done, one exam is under way and the next patient has arrived,
 * with the rest still to come; plus STATs and a trauma patient. Runs at every start; books only when no exam
 * is booked within 12 hours of now (a restart keeps the day it has).
 */
@Component
@ConditionalOnProperty(name = "hounsfield.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String ISSUER = "HOSP";
    private static final Actor DEMO = new Actor("demo", "SYSTEM", null);
    private static final Duration REACH = Duration.ofHours(12);
    private static final Duration SLOT = Duration.ofMinutes(5);

    private final DicomPeerRegistry peers;
    private final DemoEquipment equipment;
    private final PatientService patients;
    private final OrderService orders;
    private final ExamService exams;
    private final ProcedureCatalog catalog;
    private final Clock clock;
    private volatile Instant bookedAt;

    DemoData(DicomPeerRegistry peers, DemoEquipment equipment, PatientService patients, OrderService orders, ExamService exams,
            ProcedureCatalog catalog, Clock clock) {
        this.peers = peers;
        this.equipment = equipment;
        this.patients = patients;
        this.orders = orders;
        this.exams = exams;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        registerPeers();
        equipment.create();
        List<Patient> registered = DemoDay.PATIENTS.stream().map(this::register).toList();
        Instant now = clock.instant();
        if (exams.booked(EnumSet.allOf(ExamState.class), now.minus(REACH), now.plus(REACH), null).isEmpty()) {
            Map.of("CT1", DemoDay.CT1, "DX1", DemoDay.DX1, "MR1", DemoDay.MR1, "US1", DemoDay.US1)
                    .forEach((station, bookings) -> bookRoom(station, bookings, registered, now));
            admitTraumaPatient();
            equipment.cleanRooms();
            bookedAt = now;
        }
    }

    /** The "now" the day was last built around by this process, or null if it found one already booked. */
    Instant bookedAt() {
        return bookedAt;
    }

    private void registerPeers() {
        var modality = EnumSet.of(PeerPermission.STORE, PeerPermission.QUERY, PeerPermission.WORKLIST,
                PeerPermission.MPPS, PeerPermission.COMMIT);
        peers.save(new DicomPeer("CT1", "CT scanner, room 1", "127.0.0.1", 11121, "CT", "CT ROOM 1", modality, true));
        peers.save(new DicomPeer("DX1", "Digital radiography, room 2", "127.0.0.1", 11122, "DX", "DX ROOM 2", modality, true));
        peers.save(new DicomPeer("MR1", "MR scanner, room 3", "127.0.0.1", 11123, "MR", "MR ROOM 3", modality, true));
        peers.save(new DicomPeer("US1", "Ultrasound, room 4", "127.0.0.1", 11124, "US", "US ROOM 4", modality, true));
        peers.save(new DicomPeer("VIEWER", "Reading workstation", "127.0.0.1", 11113, null, null,
                EnumSet.of(PeerPermission.QUERY, PeerPermission.RETRIEVE, PeerPermission.MOVE_DESTINATION), true));
    }

    private Patient register(DemoDay.DemoPatient patient) {
        PatientIdentifier identifier = new PatientIdentifier(ISSUER, patient.mrn());
        return patients.find(identifier).orElseGet(() -> patients.register(identifier, new Demographics(
                patient.family(), patient.given(), null, patient.birthDate(), patient.sex(), patient.language(),
                patient.allergies(), patient.pregnancy(), null, null), DEMO));
    }

    /** Books the room back to back and moves each booking to where it would be by now. */
    private void bookRoom(String station, List<DemoDay.Booking> bookings, List<Patient> registered, Instant now) {
        ZonedDateTime start = firstStart(bookings, now);
        boolean nextOneArrived = false;
        Exam lastDone = null;
        for (DemoDay.Booking booking : bookings) {
            Exam exam = orders.place(new NewOrder("DEMO-EHR", station + "-" + start.toLocalDateTime(),
                    registered.get(booking.patient()).id(), booking.procedure(), booking.laterality(),
                    booking.priority(), booking.reason(), "Okonkwo, Ada", station, start.toInstant(), null, null), DEMO);
            ZonedDateTime end = start.plus(catalog.get(booking.procedure()).duration());
            if (end.toInstant().isBefore(now)) {
                // The earlier ones are reviewed and read; the one just finished waits for its quality review.
                if (lastDone != null) {
                    advance(lastDone, ExamState.RELEASED);
                }
                advance(exam, ExamState.ACQUIRED);
                lastDone = exam;
            } else if (start.toInstant().isBefore(now)) {
                advance(exam, ExamState.IN_PROGRESS);
            } else if (!nextOneArrived) {
                advance(exam, ExamState.ARRIVED);
                nextOneArrived = true;
            }
            start = end;
        }
    }

    /**
     * When the room's first booking starts: early enough that the first third of its list is over and the
     * next booking is half done at {@code now}, on a five-minute boundary.
     */
    private ZonedDateTime firstStart(List<DemoDay.Booking> bookings, Instant now) {
        int done = bookings.size() / 3;
        Duration before = catalog.get(bookings.get(done).procedure()).duration().dividedBy(2);
        for (DemoDay.Booking booking : bookings.subList(0, done)) {
            before = before.plus(catalog.get(booking.procedure()).duration());
        }
        Instant start = now.minus(before);
        long slot = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), slot) * slot).atZone(clock.getZone());
    }

    private void admitTraumaPatient() {
        Patient trauma = patients.registerTemporary(Sex.M, DEMO);
        Exam exam = exams.schedule(new NewExam(null, trauma.id(), "CTTRAUMA", null, Priority.STAT, "CT1",
                clock.instant(), null, null), DEMO);
        advance(exam, ExamState.ARRIVED);
    }

    private void advance(Exam exam, ExamState target) {
        for (ExamState state : List.of(ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS, ExamState.ACQUIRED,
                ExamState.QC_APPROVED, ExamState.RELEASED)) {
            if (exams.get(exam.id()).state().ordinal() >= state.ordinal()) {
                continue;
            }
            exams.transition(exam.id(), state, DEMO, null);
            if (state == target) {
                return;
            }
        }
    }
}
